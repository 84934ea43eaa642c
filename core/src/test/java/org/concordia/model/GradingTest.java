package org.concordia.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.concordia.model.Grading.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Source: the 4x4 source-and-information evaluation (Europol handling of information): source A, B,
 * C, X; information 1–4; docs/exchange-model.md: "\"grading\": \"B2\" is shorthand for {source B,
 * information 2} ... no grading at all is X4".
 */
class GradingTest {

    @Test
    void shortFormB2IsSourceBInformation2() {
        assertThat(Grading.parse("B2")).contains(new Grading(Source.B, 2));
    }

    @ParameterizedTest(name = "{0} -> {1}{2}")
    @CsvSource({"A1, A, 1", "b2, B, 2", "' c3 ', C, 3", "X4, X, 4", "x1, X, 1"})
    void shortFormIsReadInAnyCase(String text, Source source, int information) {
        assertThat(Grading.parse(text)).contains(new Grading(source, information));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"B", "2", "B0", "B5", "D1", "E4", "BB", "22", "B22", "B 2", "2B"})
    void anythingElseIsNotAGrading(String text) {
        assertThat(Grading.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Source.class)
    void everyGradingRoundTripsThroughItsShortForm(Source source) {
        for (int information = 1; information <= 4; information++) {
            Grading g = new Grading(source, information);
            assertThat(g.shortForm()).isEqualTo(source.name() + information);
            assertThat(Grading.parse(g.shortForm())).contains(g);
        }
    }

    @Test
    void noGradingIsX4() {
        assertThat(Grading.DEFAULT).isEqualTo(new Grading(Source.X, 4));
        assertThat(Grading.DEFAULT.shortForm()).isEqualTo("X4");
    }

    @Test
    void informationOutsideOneToFourIsRefused() {
        assertThatThrownBy(() -> new Grading(Source.A, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Grading(Source.A, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Grading(null, 1)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void sourceIsReadAloneInAnyCase() {
        assertThat(Source.parse("a")).contains(Source.A);
        assertThat(Source.parse(" X ")).contains(Source.X);
        assertThat(Source.parse("D")).isEmpty();
        assertThat(Source.parse("AB")).isEmpty();
        assertThat(Source.parse(null)).isEmpty();
    }
}
