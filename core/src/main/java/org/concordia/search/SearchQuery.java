package org.concordia.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.concordia.model.CountryRef;
import org.concordia.model.DocumentRef;
import org.concordia.model.Envelope;
import org.concordia.model.Grading;
import org.concordia.model.Handling;
import org.concordia.model.PartialDate;
import org.concordia.model.ParticipantCode;
import org.concordia.model.Person;
import org.concordia.model.PersonName;
import org.concordia.model.RecordId;
import org.concordia.model.RecordType;
import org.concordia.normalize.Countries;
import org.concordia.normalize.DocumentNumbers;
import org.concordia.normalize.NameNormalizer;
import org.concordia.problem.ErrorCode;
import org.concordia.sharing.Purpose;

/**
 * A search for a person: structured terms (any of name, birth date, nationality, document number) and
 * the mandatory purpose. Build it with {@link #of} or {@link #fromText}, which check it and say why
 * not as a value.
 *
 * <p>The terms are personal data: they travel to partners inside the signed request and are never
 * logged; the audit log keeps keyed hashes of them.
 */
public record SearchQuery(Purpose purpose, String name, PartialDate birthDate, String nationality, String document) {
    /** The longest term accepted, in characters. */
    public static final int MAX_TERM = 300;

    private static final Pattern DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");
    private static final Pattern DOCUMENT = Pattern.compile("(?=.*\\d)[A-Za-z0-9<-]{6,}");

    /** A query, or why it cannot be one. */
    public sealed interface Checked {
        record Valid(SearchQuery query) implements Checked {}

        /** Never holds the terms: the reason names the field only. */
        record Invalid(ErrorCode code, String reason) implements Checked {}
    }

    /**
     * Checks the terms: a purpose with a code ({@link Purpose}), at least a name or a document number,
     * a birth date written as a partial date, no term longer than {@link #MAX_TERM}.
     */
    public static Checked of(String purpose, String name, String birthDate, String nationality, String document) {
        Optional<Purpose> p = Purpose.parse(purpose);
        if (p.isEmpty()) {
            return new Checked.Invalid(
                    ErrorCode.INVALID_QUERY,
                    "purpose missing, too long, or not starting with a purpose code such as criminal-investigation");
        }
        for (String t : new String[] {name, birthDate, nationality, document}) {
            if (t != null && t.length() > MAX_TERM) {
                return new Checked.Invalid(
                        ErrorCode.INVALID_QUERY, "a term is longer than " + MAX_TERM + " characters");
            }
        }
        String n = blankToNull(name);
        String d = blankToNull(document);
        if (n == null && d == null) {
            return new Checked.Invalid(ErrorCode.INVALID_QUERY, "a search needs a name or a document number");
        }
        PartialDate date = null;
        if (blankToNull(birthDate) != null) {
            PartialDate.Parsed parsed = PartialDate.parse(birthDate.strip());
            if (!(parsed instanceof PartialDate.Parsed.Ok ok)) {
                return new Checked.Invalid(ErrorCode.INVALID_QUERY, "birth date is not YYYY, YYYY-MM or YYYY-MM-DD");
            }
            date = ok.date();
        }
        return new Checked.Valid(new SearchQuery(p.get(), n, date, blankToNull(nationality), d));
    }

    /**
     * Reads one search box: words shaped like a partial date are the birth date, words of six or more
     * letters and digits with a digit are a document number, the rest is the name. "Mohamed ABDALLAH
     * 1984-03-07" is a name and a birth date.
     */
    public static Checked fromText(String purpose, String text) {
        if (text == null || text.isBlank()) {
            return of(purpose, null, null, null, null);
        }
        if (text.length() > MAX_TERM) {
            return new Checked.Invalid(ErrorCode.INVALID_QUERY, "a term is longer than " + MAX_TERM + " characters");
        }
        List<String> name = new ArrayList<>();
        String date = null;
        String document = null;
        for (String word : text.strip().split("\\s+")) {
            if (date == null && DATE.matcher(word).matches()) {
                date = word;
            } else if (document == null && DOCUMENT.matcher(word).matches()) {
                document = word;
            } else {
                name.add(word);
            }
        }
        return of(purpose, name.isEmpty() ? null : String.join(" ", name), date, null, document);
    }

    /** The query as a person record of the asker, for the matching engine. */
    public Person asPerson(ParticipantCode asker) {
        Envelope envelope = new Envelope(
                new RecordId("query"),
                RecordType.PERSON,
                asker,
                Handling.DEFAULT,
                Grading.DEFAULT,
                purpose.code(),
                null,
                null,
                null,
                null);
        List<PersonName> names = name == null ? List.of() : List.of(NameNormalizer.normalize(name, null, null, null));
        List<CountryRef> countries = nationality == null ? List.of() : List.of(Countries.resolve(nationality));
        List<DocumentRef> documents = document == null
                ? List.of()
                : List.of(new DocumentRef(null, document, DocumentNumbers.normalize(document), null, null));
        return new Person(envelope, names, null, birthDate, null, countries, documents);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
