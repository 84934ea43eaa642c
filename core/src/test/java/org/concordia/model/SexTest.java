package org.concordia.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sources: ICAO Doc 9303 Part 4 (sex: F, M, or X / filler {@code <} for unspecified);
 * docs/exchange-model.md: "male, female, unspecified and < for sex" are read.
 */
class SexTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "M, M",
        "m, M",
        "MALE, M",
        "male, M",
        "' M ', M",
        "F, F",
        "f, F",
        "FEMALE, F",
        "Female, F",
        "X, X",
        "x, X",
        "<, X",
        "unspecified, X"
    })
    void sexIsReadInAnyCase(String text, Sex sex) {
        assertThat(Sex.parse(text)).contains(sex);
    }

    // docs/error-codes.md invalid_sex: "\"sex\": \"unknown\"".
    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"unknown", "U", "MF", "W", "man"})
    void anythingElseIsNotASex(String text) {
        assertThat(Sex.parse(text)).isEmpty();
    }
}
