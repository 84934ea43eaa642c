package org.concordia.matching.compare;

import java.util.List;
import org.concordia.matching.FieldComparison;
import org.concordia.matching.RecordComparator;
import org.concordia.model.CountryRef;
import org.concordia.model.PartialDate;
import org.concordia.model.Person;
import org.concordia.model.Sex;

/**
 * The comparison vector of two persons for a Fellegi-Sunter model (Fellegi and Sunter, JASA 1969),
 * in a fixed field order: {@code name} ({@link NameComparator}), {@code birthDate} ({@link
 * DateComparator}), {@code sex} ({@link SexComparator}), {@code nationality} ({@link
 * CountryComparator}), {@code document} ({@link DocumentComparator}), {@code birthPlace} ({@link
 * PlaceComparator}).
 *
 * <p>Everything that depends on one person only (name tokens, phonetic keys, variant groups,
 * skeletons, joins, native-script words; OCR-folded document numbers; normalised birth place) is
 * computed once by {@link #prepare}; {@link #compare(Prepared, Prepared)} then only compares (the
 * learned cross-script model's Latin spellings of a native-script word are generated on its first
 * comparison and shared, see {@link NameComparator}).
 *
 * <p>Thread-safe.
 */
public final class PersonComparator implements RecordComparator<PersonComparator.Prepared> {
    /** The fields of the vector, in order. */
    public static final List<String> FIELDS = List.of(
            NameComparator.FIELD,
            DateComparator.FIELD,
            SexComparator.FIELD,
            CountryComparator.FIELD,
            DocumentComparator.FIELD,
            PlaceComparator.FIELD);

    private final NameComparator names;
    private final PlaceComparator places;

    public PersonComparator() {
        this(new NameComparator(), new PlaceComparator());
    }

    public PersonComparator(NameComparator names, PlaceComparator places) {
        this.names = names;
        this.places = places;
    }

    /** A person in the forms the comparators use. Immutable. */
    public static final class Prepared {
        private final Person person;
        final NameComparator.Names names;
        final PartialDate birthDate;
        final Sex sex;
        final List<CountryRef> nationalities;
        final DocumentComparator.Docs documents;
        final PlaceComparator.Place birthPlace;

        private Prepared(
                Person person,
                NameComparator.Names names,
                DocumentComparator.Docs documents,
                PlaceComparator.Place birthPlace) {
            this.person = person;
            this.names = names;
            this.birthDate = person.birthDate();
            this.sex = person.sex();
            this.nationalities = person.nationalities();
            this.documents = documents;
            this.birthPlace = birthPlace;
        }

        public Person person() {
            return person;
        }
    }

    @Override
    public List<String> fields() {
        return FIELDS;
    }

    @Override
    public Prepared prepare(Person p) {
        return new Prepared(
                p, names.prepare(p.names()), DocumentComparator.prepare(p.documents()), places.prepare(p.birthPlace()));
    }

    /** The comparison vector, one comparison per field in {@link #FIELDS} order. */
    @Override
    public List<FieldComparison> compare(Prepared a, Prepared b) {
        return List.of(
                names.compare(a.names, b.names),
                DateComparator.compare(a.birthDate, b.birthDate),
                SexComparator.compare(a.sex, b.sex),
                CountryComparator.compare(a.nationalities, b.nationalities),
                DocumentComparator.compare(a.documents, b.documents),
                places.compare(a.birthPlace, b.birthPlace));
    }

    /** Compares two persons, preparing both: for one-off comparisons. */
    public List<FieldComparison> compare(Person a, Person b) {
        return compare(prepare(a), prepare(b));
    }

    /**
     * Values for frequency adjustment: the names' order-insensitive keys (field 0) and the birth
     * place's joined tokens (field 5); a value agreed on by many records weighs less.
     */
    @Override
    public List<String> valueKeys(Prepared p, int field) {
        if (field == 0) {
            java.util.List<String> keys = new java.util.ArrayList<>(p.names.names.length);
            for (PreparedName n : p.names.names) {
                keys.add(n.sortedKey);
            }
            return keys;
        }
        if (field == 5 && p.birthPlace != null && p.birthPlace.joined != null && !p.birthPlace.joined.isEmpty()) {
            return List.of(p.birthPlace.joined);
        }
        return List.of();
    }
}
