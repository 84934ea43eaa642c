package org.concordia.matching.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.concordia.matching.Agreement;
import org.concordia.matching.FieldComparison;
import org.concordia.model.CountryRef;
import org.concordia.normalize.Countries;
import org.junit.jupiter.api.Test;

/** Source: ISO 3166-1 alpha-3 codes; the levels of the CountryComparator contract. */
class CountryComparatorTest {

    private static List<CountryRef> countries(String... given) {
        return Arrays.stream(given).map(Countries::resolve).toList();
    }

    @Test
    void theSameCountryWrittenAsCodeOrNameIsExact() {
        FieldComparison c = CountryComparator.compare(countries("EG"), countries("Egypt"));
        assertThat(c.field()).isEqualTo("nationality");
        assertThat(c.agreement()).isEqualTo(Agreement.EXACT);
        assertThat(c.similarity()).isEqualTo(1);
        assertThat(c.explanation()).isEqualTo("both EGY");
    }

    @Test
    void aDualNationalMatchesOnEitherNationality() {
        assertThat(CountryComparator.compare(countries("FRA", "MAR"), countries("MA"))
                        .agreement())
                .isEqualTo(Agreement.EXACT);
        assertThat(CountryComparator.compare(countries("DZA"), countries("FRA", "DZ"))
                        .agreement())
                .isEqualTo(Agreement.EXACT);
    }

    @Test
    void knownCountriesWithNoneInCommonDisagree() {
        FieldComparison c = CountryComparator.compare(countries("FRA", "MAR"), countries("EGY"));
        assertThat(c.agreement()).isEqualTo(Agreement.DISAGREE);
        assertThat(c.similarity()).isZero();
        assertThat(c.explanation()).isEqualTo("FRA/MAR vs EGY: none in common");
    }

    @Test
    void noKnownCountryOnASideSaysNothing() {
        assertThat(CountryComparator.compare(List.of(), countries("EGY")).agreement())
                .isEqualTo(Agreement.MISSING);
        assertThat(CountryComparator.compare(countries("EGY"), List.of()).agreement())
                .isEqualTo(Agreement.MISSING);
        assertThat(CountryComparator.compare(countries("Atlantis"), countries("EGY"))
                        .agreement())
                .isEqualTo(Agreement.MISSING);
        assertThat(CountryComparator.compare(countries("EGY"), countries("Atlantis"))
                        .agreement())
                .isEqualTo(Agreement.MISSING);
    }

    @Test
    void unrecognisedValuesAreLeftOutBesideKnownOnes() {
        assertThat(CountryComparator.compare(countries("Atlantis", "EGY"), countries("Egypt"))
                        .agreement())
                .isEqualTo(Agreement.EXACT);
        FieldComparison c = CountryComparator.compare(countries("Atlantis", "EGY"), countries("Atlantis", "SYR"));
        assertThat(c.agreement()).isEqualTo(Agreement.DISAGREE);
        assertThat(c.explanation()).isEqualTo("EGY vs SYR: none in common");
    }
}
