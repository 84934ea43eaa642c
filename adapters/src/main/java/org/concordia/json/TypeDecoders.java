package org.concordia.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.concordia.model.Case;
import org.concordia.model.CountryRef;
import org.concordia.model.CrimeCategory;
import org.concordia.model.DocumentRef;
import org.concordia.model.Envelope;
import org.concordia.model.Firearm;
import org.concordia.model.LinkKind;
import org.concordia.model.Mrz;
import org.concordia.model.Organisation;
import org.concordia.model.PartialDate;
import org.concordia.model.Person;
import org.concordia.model.PersonName;
import org.concordia.model.Record;
import org.concordia.model.RecordId;
import org.concordia.model.RecordLink;
import org.concordia.model.Sex;
import org.concordia.model.TravelDocument;
import org.concordia.model.Vehicle;
import org.concordia.normalize.Countries;
import org.concordia.normalize.DocumentNumbers;
import org.concordia.normalize.MrzParser;
import org.concordia.normalize.NameNormalizer;
import org.concordia.normalize.Vin;
import org.concordia.problem.ErrorCode;

/** The fields of each record type, read after the envelope. */
final class TypeDecoders {
    /** Document types the model names; others are kept with a warning. */
    static final Set<String> DOCUMENT_TYPES = Set.of(
            "passport",
            "national_id",
            "driving_licence",
            "residence_permit",
            "visa",
            "travel_document",
            "seafarer_id",
            "refugee_travel_document",
            "other");

    static final Set<String> DOCUMENT_STATUSES = Set.of("valid", "lost", "stolen", "revoked", "invalidated", "expired");

    private static final int OLDEST_BIRTH_YEAR = 1000;

    private static final Set<String> DOCUMENT_FIELDS = Set.of("type", "number", "country", "expiryDate");
    private static final Set<String> NAME_FIELDS = Set.of("full", "given", "family", "script");
    private static final Set<String> HOLDER_FIELDS = Set.of("names", "birthDate", "sex", "nationality");

    private static final Set<String> PERSON_FIELDS =
            known("names", "sex", "birthDate", "birthPlace", "nationalities", "documents");
    private static final Set<String> TRAVEL_DOCUMENT_FIELDS =
            known("documentType", "number", "issuingCountry", "status", "issueDate", "expiryDate", "holder", "mrz");
    private static final Set<String> VEHICLE_FIELDS =
            known("vin", "plate", "registrationCountry", "make", "model", "colour", "modelYear", "status");
    private static final Set<String> FIREARM_FIELDS =
            known("serialNumber", "make", "model", "kind", "calibre", "countryOfManufacture", "status");
    private static final Set<String> ORGANISATION_FIELDS = known("names", "kind", "country", "registrationNumber");
    private static final Set<String> CASE_FIELDS =
            known("reference", "title", "crimeCategory", "date", "country", "summary");
    private static final Set<String> LINK_FIELDS = known("kind", "from", "to", "role");

    private TypeDecoders() {}

    static Record decode(Envelope e, Fields f) {
        return switch (e.type()) {
            case PERSON -> person(e, f);
            case TRAVEL_DOCUMENT -> travelDocument(e, f);
            case VEHICLE -> vehicle(e, f);
            case FIREARM -> firearm(e, f);
            case ORGANISATION -> organisation(e, f);
            case CASE -> kase(e, f);
            case LINK -> link(e, f);
        };
    }

    private static Set<String> known(String... fields) {
        Set<String> s = new HashSet<>(RecordDecoder.ENVELOPE_FIELDS);
        s.addAll(List.of(fields));
        return Set.copyOf(s);
    }

    private static Person person(Envelope e, Fields f) {
        f.rejectUnknown(PERSON_FIELDS);
        List<PersonName> names = names(f, "names");
        if (names.isEmpty()) {
            f.warning(ErrorCode.NO_NAME, "names", "the person has no name; it can be found by other fields only");
        }
        Sex sex = sex(f, "sex");
        PartialDate birth = birthDate(f, "birthDate");
        List<CountryRef> nationalities = new ArrayList<>();
        for (Fields.Element el : f.array("nationalities")) {
            String s = f.textOf(el);
            if (s != null) {
                nationalities.add(country(f, s, el.pointer()));
            }
        }
        List<DocumentRef> documents = new ArrayList<>();
        for (Fields.Element el : f.array("documents")) {
            Fields d = f.fieldsOf(el);
            if (d == null) {
                continue;
            }
            d.rejectUnknown(DOCUMENT_FIELDS);
            String type = d.text("type");
            if (type != null) {
                type = type.toLowerCase(Locale.ROOT);
                if (!DOCUMENT_TYPES.contains(type)) {
                    d.warning(
                            ErrorCode.UNKNOWN_DOCUMENT_TYPE,
                            "type",
                            "is not a document type of the model; kept as given");
                }
            }
            String number = d.requiredText("number");
            String country = d.text("country");
            PartialDate expiry = d.date("expiryDate");
            if (number != null) {
                String norm = documentNumber(d, "number", number);
                documents.add(new DocumentRef(
                        type, number, norm, country == null ? null : country(d, country, d.at("country")), expiry));
            }
        }
        return new Person(e, names, sex, birth, f.text("birthPlace"), nationalities, documents);
    }

    private static TravelDocument travelDocument(Envelope e, Fields f) {
        f.rejectUnknown(TRAVEL_DOCUMENT_FIELDS);
        String docType = f.text("documentType");
        if (docType != null) {
            docType = docType.toLowerCase(Locale.ROOT);
            if (!DOCUMENT_TYPES.contains(docType)) {
                f.warning(
                        ErrorCode.UNKNOWN_DOCUMENT_TYPE,
                        "documentType",
                        "is not a document type of the model; kept as given");
            }
        }
        String status = f.text("status");
        if (status != null) {
            status = status.toLowerCase(Locale.ROOT);
            if (!DOCUMENT_STATUSES.contains(status)) {
                f.error(
                        ErrorCode.INVALID_VALUE,
                        "status",
                        "must be valid, lost, stolen, revoked, invalidated or expired");
            }
        }
        Mrz mrz = mrz(f);
        String number = f.text("number");
        if (number == null && mrz != null) {
            number = mrz.documentNumber();
        }
        if (number == null) {
            if (!f.has("mrz")) {
                f.error(ErrorCode.MISSING_FIELD, "number", "is required (or an mrz that holds it)");
            }
            return null;
        }
        String norm = documentNumber(f, "number", number);
        if (mrz != null && !mrz.documentNumber().equals(norm)) {
            f.warning(ErrorCode.MRZ_MISMATCH, "mrz", "the document number in the zone differs from number");
        }
        String issuing = f.text("issuingCountry");
        if (issuing == null && mrz != null && !mrz.issuingState().isEmpty()) {
            issuing = mrz.issuingState();
        }
        List<PersonName> holderNames = List.of();
        PartialDate holderBirth = null;
        Sex holderSex = null;
        CountryRef holderNationality = null;
        Fields h = f.object("holder");
        if (h != null) {
            h.rejectUnknown(HOLDER_FIELDS);
            holderNames = names(h, "names");
            holderBirth = birthDate(h, "birthDate");
            holderSex = sex(h, "sex");
            String nat = h.text("nationality");
            holderNationality = nat == null ? null : country(h, nat, h.at("nationality"));
        } else if (mrz != null) {
            String full = (mrz.surname() + " " + mrz.givenNames()).strip();
            if (!full.isEmpty()) {
                holderNames =
                        List.of(NameNormalizer.normalize(full, blank(mrz.givenNames()), blank(mrz.surname()), "Latn"));
            }
            holderBirth = mrz.birthDate();
            holderSex = mrz.sex();
            holderNationality = mrz.nationality().isEmpty() ? null : Countries.resolve(mrz.nationality());
        }
        PartialDate expiry = f.date("expiryDate");
        if (expiry == null && mrz != null) {
            expiry = mrz.expiryDate();
        }
        return new TravelDocument(
                e,
                docType,
                number,
                norm,
                issuing == null ? null : country(f, issuing, f.at("issuingCountry")),
                status,
                f.date("issueDate"),
                expiry,
                holderNames,
                holderBirth,
                holderSex,
                holderNationality,
                mrz);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static Mrz mrz(Fields f) {
        JsonNode raw = f.raw("mrz");
        if (raw == null || raw.isNull()) {
            return null;
        }
        MrzParser.Result result;
        if (raw.isTextual()) {
            result = MrzParser.parse(raw.textValue());
        } else if (raw.isArray()) {
            List<String> lines = new ArrayList<>();
            for (JsonNode l : raw) {
                if (!l.isTextual()) {
                    f.error(ErrorCode.INVALID_MRZ, "mrz", "must be a string or an array of strings");
                    return null;
                }
                lines.add(l.textValue());
            }
            result = MrzParser.parse(lines);
        } else {
            f.error(ErrorCode.INVALID_MRZ, "mrz", "must be a string or an array of strings");
            return null;
        }
        return switch (result) {
            case MrzParser.Result.Parsed p -> p.mrz();
            case MrzParser.Result.Invalid bad
            when bad.checkDigit() -> {
                f.error(
                        ErrorCode.MRZ_CHECK_DIGIT,
                        "mrz",
                        "check digit of " + bad.field() + " does not match (ICAO Doc 9303)");
                yield null;
            }
            case MrzParser.Result.Invalid bad -> {
                f.error(
                        ErrorCode.INVALID_MRZ,
                        "mrz",
                        "not a TD1, TD2 or TD3 machine-readable zone (" + bad.field() + ")");
                yield null;
            }
        };
    }

    private static Vehicle vehicle(Envelope e, Fields f) {
        f.rejectUnknown(VEHICLE_FIELDS);
        String vin = f.text("vin");
        String plate = f.text("plate");
        if (vin == null && plate == null) {
            f.error(ErrorCode.MISSING_FIELD, "vin", "a vehicle needs a vin or a plate");
        }
        String normVin = null;
        if (vin != null) {
            normVin = DocumentNumbers.normalize(vin);
            switch (Vin.validate(normVin)) {
                case VALID -> {}
                case MALFORMED ->
                    f.error(
                            ErrorCode.INVALID_VIN,
                            "vin",
                            "must be 17 characters of A-Z and 0-9 without I, O, Q (ISO 3779)");
                case BAD_CHECK_DIGIT ->
                    f.error(ErrorCode.VIN_CHECK_DIGIT, "vin", "check digit (9th character) does not match");
            }
        }
        String country = f.text("registrationCountry");
        return new Vehicle(
                e,
                vin,
                normVin,
                plate,
                plate == null ? null : DocumentNumbers.normalize(plate),
                country == null ? null : country(f, country, f.at("registrationCountry")),
                f.text("make"),
                f.text("model"),
                f.text("colour"),
                f.integer("modelYear", 1885, LocalDate.now().getYear() + 2),
                f.text("status"));
    }

    private static Firearm firearm(Envelope e, Fields f) {
        f.rejectUnknown(FIREARM_FIELDS);
        String serial = f.requiredText("serialNumber");
        if (serial == null) {
            return null;
        }
        String country = f.text("countryOfManufacture");
        return new Firearm(
                e,
                serial,
                documentNumber(f, "serialNumber", serial),
                f.text("make"),
                f.text("model"),
                f.text("kind"),
                f.text("calibre"),
                country == null ? null : country(f, country, f.at("countryOfManufacture")),
                f.text("status"));
    }

    private static Organisation organisation(Envelope e, Fields f) {
        f.rejectUnknown(ORGANISATION_FIELDS);
        List<PersonName> names = names(f, "names");
        if (names.isEmpty() && !f.problems().stream().anyMatch(p -> p.isError())) {
            f.error(ErrorCode.MISSING_FIELD, "names", "an organisation needs a name");
        }
        String country = f.text("country");
        return new Organisation(
                e,
                names,
                f.text("kind"),
                country == null ? null : country(f, country, f.at("country")),
                f.text("registrationNumber"));
    }

    private static Case kase(Envelope e, Fields f) {
        f.rejectUnknown(CASE_FIELDS);
        String reference = f.text("reference");
        String title = f.text("title");
        if (reference == null && title == null) {
            f.error(ErrorCode.MISSING_FIELD, "reference", "a case needs a reference or a title");
        }
        CrimeCategory category = null;
        String c = f.text("crimeCategory");
        if (c != null) {
            category = CrimeCategory.parse(c).orElse(null);
            if (category == null) {
                f.error(
                        ErrorCode.INVALID_CRIME_CATEGORY,
                        "crimeCategory",
                        "must be an ICCS code such as 0101 or 0701 (UNODC ICCS 1.0)");
            }
        }
        String country = f.text("country");
        return new Case(
                e,
                reference,
                title,
                category,
                f.date("date"),
                country == null ? null : country(f, country, f.at("country")),
                f.text("summary"));
    }

    private static RecordLink link(Envelope e, Fields f) {
        f.rejectUnknown(LINK_FIELDS);
        String kindText = f.requiredText("kind");
        LinkKind kind = null;
        if (kindText != null) {
            kind = LinkKind.fromWireName(kindText).orElse(null);
            if (kind == null) {
                f.error(
                        ErrorCode.INVALID_LINK,
                        "kind",
                        "must be person-document, person-case, person-organisation, person-vehicle, person-firearm or person-person");
            }
        }
        String from = f.requiredText("from");
        String to = f.requiredText("to");
        if (from != null && !RecordId.isValid(from)) {
            f.error(ErrorCode.INVALID_ID, "from", "must be a record id");
            from = null;
        }
        if (to != null && !RecordId.isValid(to)) {
            f.error(ErrorCode.INVALID_ID, "to", "must be a record id");
            to = null;
        }
        if (kind == null || from == null || to == null) {
            return null;
        }
        return new RecordLink(e, kind, new RecordId(from), new RecordId(to), f.text("role"));
    }

    static List<PersonName> names(Fields f, String field) {
        List<PersonName> names = new ArrayList<>();
        for (Fields.Element el : f.array(field)) {
            if (el.node().isTextual()) {
                String full = f.textOf(el);
                PersonName name = full == null ? null : NameNormalizer.normalize(full, null, null, null);
                if (name == null || name.normalized().tokens().isEmpty()) {
                    f.problems()
                            .add(org.concordia.problem.Problem.error(
                                    ErrorCode.INVALID_NAME, el.pointer(), "the name has no letters"));
                    continue;
                }
                names.add(name);
                continue;
            }
            Fields n = f.fieldsOf(el);
            if (n == null) {
                continue;
            }
            n.rejectUnknown(NAME_FIELDS);
            String full = n.text("full");
            String given = n.text("given");
            String family = n.text("family");
            String script = n.text("script");
            if (full == null && given == null && family == null) {
                n.error(ErrorCode.INVALID_NAME, null, "a name needs full, given or family");
                continue;
            }
            if (script != null && org.concordia.normalize.Scripts.canonical(script) == null) {
                n.warning(
                        ErrorCode.INVALID_VALUE, "script", "is not an ISO 15924 code; the script was detected instead");
            }
            PersonName name = NameNormalizer.normalize(full, given, family, script);
            if (name.normalized().tokens().isEmpty()) {
                n.error(ErrorCode.INVALID_NAME, null, "the name has no letters");
                continue;
            }
            names.add(name);
        }
        return names;
    }

    private static Sex sex(Fields f, String field) {
        String s = f.text(field);
        if (s == null) {
            return null;
        }
        Sex sex = Sex.parse(s).orElse(null);
        if (sex == null) {
            f.error(ErrorCode.INVALID_SEX, field, "must be M, F, X or null");
        }
        return sex;
    }

    private static PartialDate birthDate(Fields f, String field) {
        PartialDate d = f.date(field);
        if (d != null && (d.year() < OLDEST_BIRTH_YEAR || d.earliest().isAfter(LocalDate.now()))) {
            f.error(
                    ErrorCode.IMPOSSIBLE_DATE,
                    field,
                    "a birth date must lie between " + OLDEST_BIRTH_YEAR + " and today");
            return null;
        }
        return d;
    }

    private static String documentNumber(Fields f, String field, String number) {
        String norm = DocumentNumbers.normalize(number);
        if (norm.isEmpty()) {
            f.error(ErrorCode.INVALID_DOCUMENT_NUMBER, field, "has no letter or digit");
        }
        return norm;
    }

    private static CountryRef country(Fields f, String given, String pointer) {
        CountryRef c = Countries.resolve(given);
        if (!c.isKnown()) {
            f.problems()
                    .add(org.concordia.problem.Problem.warning(
                            ErrorCode.UNKNOWN_COUNTRY, pointer, "not a known country code or name; kept as given"));
        }
        return c;
    }
}
