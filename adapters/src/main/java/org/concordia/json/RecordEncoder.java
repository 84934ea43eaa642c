package org.concordia.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.concordia.model.Case;
import org.concordia.model.CountryRef;
import org.concordia.model.DocumentRef;
import org.concordia.model.Envelope;
import org.concordia.model.Firearm;
import org.concordia.model.Organisation;
import org.concordia.model.PartialDate;
import org.concordia.model.Person;
import org.concordia.model.PersonName;
import org.concordia.model.Record;
import org.concordia.model.RecordLink;
import org.concordia.model.TravelDocument;
import org.concordia.model.Vehicle;

/**
 * Writes records as exchange-model JSON, the values as the source gave them (normalised forms are
 * derived again when read). The output is canonical: fields in a fixed order, absent values left
 * out, so equal records encode to equal bytes and a content hash tells whether a record changed.
 *
 * <p>Thread-safe.
 */
public final class RecordEncoder {
    private static final JsonFactory FACTORY = new JsonFactory();

    public String encode(Record r) {
        StringWriter w = new StringWriter(256);
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            write(r, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    public void write(Record r, JsonGenerator g) throws IOException {
        g.writeStartObject();
        envelope(r.envelope(), g);
        switch (r) {
            case Person p -> person(p, g);
            case TravelDocument d -> travelDocument(d, g);
            case Vehicle v -> vehicle(v, g);
            case Firearm f -> firearm(f, g);
            case Organisation o -> organisation(o, g);
            case Case c -> kase(c, g);
            case RecordLink l -> link(l, g);
        }
        g.writeEndObject();
    }

    private static void envelope(Envelope e, JsonGenerator g) throws IOException {
        g.writeStringField("id", e.id().value());
        g.writeStringField("type", e.type().wireName());
        g.writeStringField("owner", e.owner().value());
        g.writeObjectFieldStart("handling");
        g.writeStringField("tlp", e.handling().tlp().wireName());
        g.writeStringField("code", e.handling().code().name());
        g.writeBooleanField("hitOnly", e.handling().hitOnly());
        g.writeEndObject();
        g.writeObjectFieldStart("grading");
        g.writeStringField("source", e.grading().source().name());
        g.writeNumberField("information", e.grading().information());
        g.writeEndObject();
        str(g, "purpose", e.purpose());
        str(g, "legalBasis", e.legalBasis());
        str(g, "created", e.created() == null ? null : e.created().toString());
        str(g, "retainUntil", e.retainUntil() == null ? null : e.retainUntil().toString());
        str(g, "reviewBy", e.reviewBy() == null ? null : e.reviewBy().toString());
    }

    private static void person(Person p, JsonGenerator g) throws IOException {
        names(g, "names", p.names());
        str(g, "sex", p.sex() == null ? null : p.sex().name());
        date(g, "birthDate", p.birthDate());
        str(g, "birthPlace", p.birthPlace());
        if (!p.nationalities().isEmpty()) {
            g.writeArrayFieldStart("nationalities");
            for (CountryRef c : p.nationalities()) {
                g.writeString(c.given());
            }
            g.writeEndArray();
        }
        if (!p.documents().isEmpty()) {
            g.writeArrayFieldStart("documents");
            for (DocumentRef d : p.documents()) {
                g.writeStartObject();
                str(g, "type", d.type());
                str(g, "number", d.number());
                country(g, "country", d.country());
                date(g, "expiryDate", d.expiryDate());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
    }

    private static void travelDocument(TravelDocument d, JsonGenerator g) throws IOException {
        str(g, "documentType", d.documentType());
        str(g, "number", d.number());
        country(g, "issuingCountry", d.issuingCountry());
        str(g, "status", d.status());
        date(g, "issueDate", d.issueDate());
        date(g, "expiryDate", d.expiryDate());
        if (!d.holderNames().isEmpty()
                || d.holderBirthDate() != null
                || d.holderSex() != null
                || d.holderNationality() != null) {
            g.writeObjectFieldStart("holder");
            names(g, "names", d.holderNames());
            date(g, "birthDate", d.holderBirthDate());
            str(g, "sex", d.holderSex() == null ? null : d.holderSex().name());
            country(g, "nationality", d.holderNationality());
            g.writeEndObject();
        }
        if (d.mrz() != null) {
            g.writeArrayFieldStart("mrz");
            for (String line : d.mrz().lines()) {
                g.writeString(line);
            }
            g.writeEndArray();
        }
    }

    private static void vehicle(Vehicle v, JsonGenerator g) throws IOException {
        str(g, "vin", v.vin());
        str(g, "plate", v.plate());
        country(g, "registrationCountry", v.registrationCountry());
        str(g, "make", v.make());
        str(g, "model", v.model());
        str(g, "colour", v.colour());
        if (v.modelYear() != null) {
            g.writeNumberField("modelYear", v.modelYear());
        }
        str(g, "status", v.status());
    }

    private static void firearm(Firearm f, JsonGenerator g) throws IOException {
        str(g, "serialNumber", f.serialNumber());
        str(g, "make", f.make());
        str(g, "model", f.model());
        str(g, "kind", f.kind());
        str(g, "calibre", f.calibre());
        country(g, "countryOfManufacture", f.countryOfManufacture());
        str(g, "status", f.status());
    }

    private static void organisation(Organisation o, JsonGenerator g) throws IOException {
        names(g, "names", o.names());
        str(g, "kind", o.kind());
        country(g, "country", o.country());
        str(g, "registrationNumber", o.registrationNumber());
    }

    private static void kase(Case c, JsonGenerator g) throws IOException {
        str(g, "reference", c.reference());
        str(g, "title", c.title());
        str(
                g,
                "crimeCategory",
                c.crimeCategory() == null ? null : c.crimeCategory().code());
        date(g, "date", c.date());
        country(g, "country", c.country());
        str(g, "summary", c.summary());
    }

    private static void link(RecordLink l, JsonGenerator g) throws IOException {
        g.writeStringField("kind", l.kind().wireName());
        g.writeStringField("from", l.from().value());
        g.writeStringField("to", l.to().value());
        str(g, "role", l.role());
    }

    private static void names(JsonGenerator g, String field, List<PersonName> names) throws IOException {
        if (names.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart(field);
        for (PersonName n : names) {
            g.writeStartObject();
            if (!n.full().equals(joined(n.given(), n.family()))) {
                g.writeStringField("full", n.full());
            }
            str(g, "given", n.given());
            str(g, "family", n.family());
            g.writeStringField("script", n.script());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** The full name a decoder builds from given and family when the source gives no full name. */
    private static String joined(String given, String family) {
        if (given == null) {
            return family;
        }
        return family == null ? given : given + " " + family;
    }

    private static void country(JsonGenerator g, String field, CountryRef c) throws IOException {
        if (c != null) {
            g.writeStringField(field, c.given());
        }
    }

    private static void date(JsonGenerator g, String field, PartialDate d) throws IOException {
        if (d != null) {
            g.writeStringField(field, d.toString());
        }
    }

    private static void str(JsonGenerator g, String field, String value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value);
        }
    }
}
