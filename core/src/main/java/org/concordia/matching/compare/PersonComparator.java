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
 * skeletons, joins; OCR-folded document numbers; normalised birth place) is computed once by {@link
 * #prepare}; {@link #compare(Prepared, Prepared)} then only compares. Measured on the generated data
 * ({@code concordia generate --people 2000 --seed 1}) and FEBRL: see {@code PersonComparatorBench}
 * in the tests (run with {@code -Dconcordia.bench=true -Dgroups=bench}).
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
}
