package org.concordia.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Source: docs/exchange-model.md: "participant code: 2–32 of A-Z 0-9 _ - (EUROPOL, AFRIPOL)";
 * "participant codes in lower case (read upper case)"; schema pattern ^[A-Z0-9][A-Z0-9_-]{1,31}$.
 */
class ParticipantCodeTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "europol, EUROPOL",
        "Afripol, AFRIPOL",
        "' interpol ', INTERPOL",
        "de-bka, DE-BKA",
        "nl_kmar, NL_KMAR",
        "a1, A1",
        "9x, 9X"
    })
    void codeIsReadCaseInsensitively(String text, String value) {
        ParticipantCode code = ParticipantCode.parse(text);
        assertThat(code).isEqualTo(new ParticipantCode(value));
        assertThat(code).hasToString(value);
    }

    @Test
    void codeOf32CharactersIsTheLongest() {
        assertThat(ParticipantCode.parse("A".repeat(32))).isNotNull();
        assertThat(ParticipantCode.parse("A".repeat(33))).isNull();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"A", "-AB", "_AB", "EURO POL", "EUROPOL!", "ÉUROPOL", "EU.ROPOL"})
    void textThatCannotBeACodeIsNull(String text) {
        assertThat(ParticipantCode.parse(text)).isNull();
    }

    @Test
    void constructorTakesOnlyTheUpperCaseForm() {
        assertThatThrownBy(() -> new ParticipantCode("europol")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ParticipantCode("E")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ParticipantCode(null)).isInstanceOf(NullPointerException.class);
    }
}
