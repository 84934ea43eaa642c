package org.concordia.matching.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.concordia.matching.Agreement;
import org.concordia.matching.FieldComparison;
import org.concordia.matching.TestPersons;
import org.concordia.model.DocumentRef;
import org.concordia.model.Envelope;
import org.concordia.model.PartialDate;
import org.concordia.model.Person;
import org.concordia.model.PersonName;
import org.concordia.model.Sex;
import org.concordia.normalize.Countries;
import org.concordia.normalize.DocumentNumbers;
import org.concordia.normalize.NameNormalizer;
import org.junit.jupiter.api.Test;

/** Source: the field order and levels of the PersonComparator contract (Fellegi and Sunter, JASA 1969). */
class PersonComparatorTest {
    private final PersonComparator persons = new PersonComparator();

    static Person person(
            String id,
            List<PersonName> names,
            Sex sex,
            String birthDate,
            String birthPlace,
            String nationality,
            String passport) {
        Envelope e = TestPersons.envelope(id);
        PartialDate date = birthDate == null ? null : ((PartialDate.Parsed.Ok) PartialDate.parse(birthDate)).date();
        List<DocumentRef> docs = passport == null
                ? List.of()
                : List.of(new DocumentRef("passport", passport, DocumentNumbers.normalize(passport), null, null));
        return new Person(
                e,
                names,
                sex,
                date,
                birthPlace,
                nationality == null ? List.of() : List.of(Countries.resolve(nationality)),
                docs);
    }

    private static List<PersonName> names(String... full) {
        return java.util.Arrays.stream(full)
                .map(n -> NameNormalizer.normalize(n, null, null, null))
                .toList();
    }

    @Test
    void theVectorHasOneComparisonPerFieldInTheDocumentedOrder() {
        assertThat(persons.fields())
                .containsExactly("name", "birthDate", "sex", "nationality", "document", "birthPlace")
                .isEqualTo(PersonComparator.FIELDS);
        Person a = person("a", names("Muhammad Abdullah"), Sex.M, "1984-03-07", "Cairo", "EGY", "A1234567");
        Person b = person("b", names("Mohamed Abdallah"), Sex.M, "1984-07-03", "Le Caire", "EG", "A123456");
        List<FieldComparison> v = persons.compare(a, b);
        assertThat(v).extracting(FieldComparison::field).isEqualTo(PersonComparator.FIELDS);
    }

    @Test
    void eachFieldIsComparedByItsComparator() {
        Person a = person("a", names("Muhammad Abdullah"), Sex.M, "1984-03-07", "Munich", "EGY", "A1234567");
        Person b = person("b", names("Mohamed Abdallah"), Sex.M, "1984-07-03", "München", "EG", "A12345678");
        List<FieldComparison> v = persons.compare(a, b);
        assertThat(v)
                .extracting(FieldComparison::agreement)
                .containsExactly(
                        Agreement.CLOSE, // name: variants
                        Agreement.CLOSE, // date: day and month transposed
                        Agreement.EXACT, // sex
                        Agreement.EXACT, // nationality EGY
                        Agreement.CLOSE, // document: one keying error
                        Agreement.CLOSE); // place: known names of one place
    }

    @Test
    void aPersonWithNothingButAnIdComparesAsMissingEverywhereWithReadableExplanations() {
        Person empty = person("empty", List.of(), null, null, null, null, null);
        Person full = person("full", names("Muhammad Abdullah"), Sex.M, "1984-03-07", "Cairo", "EGY", "A1234567");
        for (List<FieldComparison> v : List.of(persons.compare(empty, full), persons.compare(full, empty))) {
            assertThat(v).hasSize(PersonComparator.FIELDS.size());
            assertThat(v).allSatisfy(c -> {
                assertThat(c.agreement()).isEqualTo(Agreement.MISSING);
                assertThat(c.similarity()).isZero();
                assertThat(c.explanation()).isEqualTo(c.field() + ": not known on both sides");
            });
        }
    }

    @Test
    void explanationsNameTheComparedValuesForTheOfficer() {
        Person a = person("a", names("محمد عبد الله"), Sex.M, "1984", "Cairo", "EGY", "A1234567");
        Person b = person("b", names("Mohamed Abdallah"), Sex.F, "1984-03-07", "Alexandria", "MAR", "B7654321");
        List<FieldComparison> v = persons.compare(a, b);
        assertThat(v.get(0).explanation()).contains("'محمد عبد الله' ~ 'Mohamed Abdallah'");
        assertThat(v.get(0).crossScript()).isTrue();
        assertThat(v.get(1).explanation()).isEqualTo("1984 ~ 1984-03-07: agree to the year, one less precise");
        assertThat(v.get(2).explanation()).isEqualTo("M vs F");
        assertThat(v.get(3).explanation()).isEqualTo("EGY vs MAR: none in common");
        assertThat(v.get(4).agreement()).isEqualTo(Agreement.MISSING);
        assertThat(v.get(5).explanation()).isEqualTo("Cairo ~ Alexandria: different places");
    }

    @Test
    void preparingOnceGivesTheSameVectorAsComparingPersons() {
        Person a = person("a", names("Muhammad Abdullah", "Abu Ali"), Sex.M, "1984-03-07", "Cairo", "EGY", "A1234567");
        Person b = person("b", names("ABDULLAH, Muhammad"), Sex.M, "1984-03-07", "Cairo", "EG", "A1234567");
        PersonComparator.Prepared pa = persons.prepare(a);
        PersonComparator.Prepared pb = persons.prepare(b);
        assertThat(pa.person()).isSameAs(a);
        assertThat(persons.compare(pa, pb)).isEqualTo(persons.compare(a, b));
        assertThat(persons.compare(pa, pb))
                .extracting(FieldComparison::agreement)
                .containsOnly(Agreement.EXACT);
    }
}
