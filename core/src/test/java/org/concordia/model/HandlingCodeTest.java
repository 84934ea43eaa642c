package org.concordia.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Source: Europol handling codes H0–H3; docs/exchange-model.md: codes are read in any case ({@code h2}). */
class HandlingCodeTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"H0, H0", "H1, H1", "H2, H2", "H3, H3", "h2, H2", "' h3 ', H3"})
    void codeIsReadInAnyCase(String text, HandlingCode code) {
        assertThat(HandlingCode.parse(text)).contains(code);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"H4", "H", "0", "H-1", "HH2"})
    void anythingElseIsNotACode(String text) {
        assertThat(HandlingCode.parse(text)).isEmpty();
    }
}
