package org.concordia.matching.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.concordia.matching.Agreement;
import org.concordia.matching.FieldComparison;
import org.concordia.model.CountryRef;
import org.concordia.model.DocumentRef;
import org.concordia.normalize.Countries;
import org.concordia.normalize.DocumentNumbers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Sources: ICAO Doc 9303 Part 3 (characters read alike in the MRZ); Damerau, CACM 7(3), 1964 (one
 * keying error); the levels of the DocumentComparator contract.
 */
class DocumentComparatorTest {

    private static DocumentRef doc(String type, String number, String country) {
        CountryRef c = country == null ? null : Countries.resolve(country);
        return new DocumentRef(type, number, DocumentNumbers.normalize(number), c, null);
    }

    private static FieldComparison compare(DocumentRef a, DocumentRef b) {
        return DocumentComparator.compare(List.of(a), List.of(b));
    }

    @Test
    void theSameNumberWrittenWithOrWithoutSeparatorsIsExact() {
        FieldComparison c = compare(doc("passport", "X12-345 678", "DEU"), doc("Passport", "x12345678", "DE"));
        assertThat(c.field()).isEqualTo("document");
        assertThat(c.agreement()).isEqualTo(Agreement.EXACT);
        assertThat(c.similarity()).isEqualTo(1);
        assertThat(c.explanation()).contains("X12345678", "same number");
    }

    @Test
    void theSameNumberWithAnUnknownCountryIsExactWhateverTheTypesSay() {
        assertThat(compare(doc("passport", "X12345678", null), doc("national_id", "X12345678", "FRA"))
                        .agreement())
                .isEqualTo(Agreement.EXACT);
    }

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource({
        "AB1234560, AB123456O, 0 and O",
        "AB1234567, ABI234567, 1 and I",
        "AB1234567, AB1234S67, 5 and S",
        "AB1234568, AB123456B, 8 and B",
        "AB1234567, AB1Z34567, 2 and Z",
        "AB1234567, A81234567, B and 8",
        "K0D4, KOO4, 0 O and D in a short number"
    })
    void numbersEqualUpToCharactersReadAlikeAreClose(String a, String b, String why) {
        FieldComparison c = compare(doc("passport", a, "EGY"), doc("passport", b, "EGY"));
        assertThat(c.agreement()).as(why).isEqualTo(Agreement.CLOSE);
        assertThat(c.similarity()).isEqualTo(0.9);
        assertThat(c.explanation()).contains("read alike");
    }

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource({
        "AB1234567, AB1234667, a character wrong",
        "AB1234567, AB124567, a character missing",
        "AB1234567, AB12345667, a character added",
        "AB1234567, AB1243567, two adjacent characters swapped"
    })
    void numbersOfSixCharactersOrMoreOneKeyingErrorApartAreClose(String a, String b, String why) {
        FieldComparison c = compare(doc("passport", a, null), doc("passport", b, "EGY"));
        assertThat(c.agreement()).as(why).isEqualTo(Agreement.CLOSE);
        assertThat(c.explanation()).contains("one keying error");
    }

    @Test
    void aKeyingErrorInANumberOfFewerThanSixCharactersIsNotClose() {
        FieldComparison c = compare(doc("passport", "12345", "EGY"), doc("passport", "12346", "EGY"));
        assertThat(c.agreement()).isEqualTo(Agreement.DISAGREE);
    }

    @Test
    void differentNumbersOfTheSameTypeFromTheSameCountryDisagree() {
        FieldComparison c = compare(doc("passport", "AB1234567", "EGY"), doc("passport", "ZX9876543", "EGY"));
        assertThat(c.agreement()).isEqualTo(Agreement.DISAGREE);
        assertThat(c.similarity()).isZero();
        assertThat(c.explanation()).contains("same type and country, different numbers");
    }

    @Test
    void theSameNumberFromDifferentCountriesIsOnlyWeak() {
        FieldComparison c = compare(doc("passport", "AB1234567", "EGY"), doc("passport", "AB1234567", "MAR"));
        assertThat(c.agreement()).isEqualTo(Agreement.WEAK);
        assertThat(c.similarity()).isEqualTo(0.5);
        assertThat(c.explanation()).contains("EGY", "MAR");
    }

    @Test
    void readAlikeNumbersFromDifferentCountriesDoNotAgree() {
        FieldComparison c = compare(doc("passport", "AB1234567", "EGY"), doc("passport", "AB123456O", "MAR"));
        assertThat(c.agreement()).isEqualTo(Agreement.MISSING);
    }

    @Test
    void differentNumbersOfDifferentTypesOrUnknownCountriesSayNothing() {
        assertThat(compare(doc("passport", "AB1234567", "EGY"), doc("national_id", "ZX9876543", "EGY"))
                        .agreement())
                .isEqualTo(Agreement.MISSING);
        assertThat(compare(doc("passport", "AB1234567", null), doc("passport", "ZX9876543", null))
                        .agreement())
                .isEqualTo(Agreement.MISSING);
    }

    @Test
    void theBestPairOfDocumentsDecides() {
        List<DocumentRef> a = List.of(doc("passport", "AB1234567", "EGY"), doc("national_id", "29001011234567", "EGY"));
        List<DocumentRef> b = List.of(doc("passport", "ZX9876543", "EGY"), doc("national_id", "29001011234567", null));
        FieldComparison c = DocumentComparator.compare(a, b);
        assertThat(c.agreement()).isEqualTo(Agreement.EXACT);
        assertThat(c.explanation()).contains("national_id 29001011234567");
    }

    @Test
    void noDocumentsOrOnlyEmptyNumbersSayNothing() {
        assertThat(DocumentComparator.compare(List.of(), List.of(doc("passport", "AB1234567", null)))
                        .agreement())
                .isEqualTo(Agreement.MISSING);
        DocumentComparator.Docs blank = DocumentComparator.prepare(List.of(doc("passport", " - ", null)));
        assertThat(blank.isEmpty()).isTrue();
    }

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource({
        "ABCDEF, ABCDEF, false",
        "ABCDEF, ABCDEG, true",
        "ABCDEF, ABDCEF, true",
        "ABCDEF, ABCDE, true",
        "ABCDE, ABCDEF, true",
        "ABCDEF, BCDEF, true",
        "ABCDEF, ABCFED, false",
        "ABCDEF, ABCD, false"
    })
    void oneEditIsOneSubstitutionInsertionDeletionOrAdjacentSwap(String x, String y, boolean expected) {
        assertThat(DocumentComparator.oneEdit(x, y)).isEqualTo(expected);
    }
}
