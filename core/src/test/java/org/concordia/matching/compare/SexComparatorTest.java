package org.concordia.matching.compare;

import static org.assertj.core.api.Assertions.assertThat;

import org.concordia.matching.Agreement;
import org.concordia.matching.FieldComparison;
import org.concordia.model.Sex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Source: ICAO Doc 9303 (sex M, F, X); the levels of the SexComparator contract. */
class SexComparatorTest {

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource({"M, M, EXACT", "F, F, EXACT", "M, F, DISAGREE", "F, M, DISAGREE", "X, M, MISSING", "F, X, MISSING"})
    void sexAgreesOnlyWhenBothAreKnownAndSpecified(Sex a, Sex b, Agreement level) {
        FieldComparison c = SexComparator.compare(a, b);
        assertThat(c.field()).isEqualTo("sex");
        assertThat(c.agreement()).isEqualTo(level);
        assertThat(c.similarity()).isEqualTo(level == Agreement.EXACT ? 1 : 0);
    }

    @Test
    void anUnknownSexSaysNothing() {
        assertThat(SexComparator.compare(null, Sex.M).agreement()).isEqualTo(Agreement.MISSING);
        assertThat(SexComparator.compare(Sex.F, null).agreement()).isEqualTo(Agreement.MISSING);
    }

    @Test
    void theExplanationNamesBothValuesInOrder() {
        assertThat(SexComparator.compare(Sex.M, Sex.F).explanation()).isEqualTo("M vs F");
        assertThat(SexComparator.compare(Sex.F, Sex.M).explanation()).isEqualTo("F vs M");
        assertThat(SexComparator.compare(Sex.F, Sex.F).explanation()).isEqualTo("both F");
    }
}
