package org.concordia.matching.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.concordia.matching.Agreement;
import org.concordia.matching.FieldComparison;
import org.concordia.model.PartialDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Source: the levels and examples of the DateComparator contract (FEBRL keying errors, Splink date levels). */
class DateComparatorTest {

    private static PartialDate date(String iso) {
        return ((PartialDate.Parsed.Ok) PartialDate.parse(iso)).date();
    }

    private static FieldComparison compare(String a, String b) {
        return DateComparator.compare(date(a), date(b));
    }

    @Test
    void theSameDayIsExact() {
        FieldComparison c = compare("1984-03-07", "1984-03-07");
        assertThat(c.field()).isEqualTo("birthDate");
        assertThat(c.agreement()).isEqualTo(Agreement.EXACT);
        assertThat(c.similarity()).isEqualTo(1);
        assertThat(c.crossScript()).isFalse();
    }

    @Test
    void aMissingDateOnEitherSideSaysNothing() {
        assertThat(DateComparator.compare(null, date("1984-03-07")).agreement()).isEqualTo(Agreement.MISSING);
        assertThat(DateComparator.compare(date("1984"), null).agreement()).isEqualTo(Agreement.MISSING);
    }

    @ParameterizedTest(name = "{0} ~ {1}: {2} {3} ({4})")
    @CsvSource(
            delimiter = '|',
            value = {
                // day and month transposed: a US date read as a European one
                "1984-03-07|1984-07-03|CLOSE|0.9|day and month transposed",
                // both known at least to the month, agreeing as far as both go
                "1984-03|1984-03-07|CLOSE|0.85|agree to the month",
                // one digit wrong or two digits swapped in the day or the month
                "1984-03-07|1984-03-17|CLOSE|0.8|one keying error in the day",
                "1984-03-12|1984-03-21|CLOSE|0.8|one keying error in the day",
                "1984-03-07|1984-08-07|CLOSE|0.8|one keying error in the month",
                // the last digit of the year wrong
                "1984-03-07|1985-03-07|CLOSE|0.8|one keying error in the year",
                "1984-03-07|1987-03-07|CLOSE|0.8|one keying error in the year",
                // partial dates
                "1984|1984-03-07|WEAK|0.6|agree to the year",
                "1984|1985-03-07|WEAK|0.4|years one apart",
                "1984-03|1985-03|WEAK|0.4|years one apart",
                "1989-03-07|1990-03-07|WEAK|0.4|years one apart",
                // contradictions
                "1984-03|1984-04-07|DISAGREE|0.3|same year, different month",
                "1984-03-07|1984-11-25|DISAGREE|0.3|same year, different day",
                "1984-03-07|1989-11-25|DISAGREE|0.15|5 years apart",
                "1984-03-07|1994-03-07|DISAGREE|0.0|10 years apart"
            })
    void partialTransposedAndMistypedDatesGetTheirDocumentedLevel(
            String a, String b, Agreement level, double similarity, String why) {
        FieldComparison c = compare(a, b);
        assertThat(c.agreement()).isEqualTo(level);
        assertThat(c.similarity()).isCloseTo(similarity, within(1e-9));
        assertThat(c.explanation()).contains(a, b, why);
        assertThat(compare(b, a).agreement()).as("symmetric").isEqualTo(level);
    }

    @Test
    void aFatherAndSonBornThirtyYearsApartOnTheSameDayDisagree() {
        FieldComparison c = compare("1954-03-07", "1984-03-07");
        assertThat(c.agreement()).isEqualTo(Agreement.DISAGREE);
        assertThat(c.similarity()).isZero();
    }

    @Test
    void twoEquallyPartialDatesAgreeAsFarAsBothGoWithoutCallingOneLessPrecise() {
        FieldComparison month = compare("1984-03", "1984-03");
        assertThat(month.agreement()).isEqualTo(Agreement.CLOSE);
        assertThat(month.explanation()).doesNotContain("less precise");
        FieldComparison year = compare("1984", "1984");
        assertThat(year.agreement()).isEqualTo(Agreement.WEAK);
        assertThat(year.explanation()).doesNotContain("less precise");
    }

    @ParameterizedTest(name = "{0}, {1}: {2}")
    @CsvSource({"7, 17, true", "7, 1, true", "12, 21, true", "7, 7, false", "3, 12, false", "25, 13, false"})
    void oneKeyingErrorIsOneDigitWrongOrTheTwoDigitsSwapped(int x, int y, boolean expected) {
        assertThat(DateComparator.oneKeyingError(x, y)).isEqualTo(expected);
    }

    @Test
    void datesAreWrittenInTheirIsoFormAsPreciseAsTheyAre() {
        assertThat(DateComparator.text(date("0984"))).isEqualTo("0984");
        assertThat(DateComparator.text(date("1984-03"))).isEqualTo("1984-03");
        assertThat(DateComparator.text(date("1984-03-07"))).isEqualTo("1984-03-07");
    }
}
