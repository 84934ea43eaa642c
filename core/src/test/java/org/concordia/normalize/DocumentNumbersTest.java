package org.concordia.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Source: docs/exchange-model.md "Document numbers": "upper case, transliterated to Latin, every
 * character but A–Z and 0–9 removed (x 12-345/6 → X123456)"; transliteration per ICAO Doc 9303
 * Part 3 section 6.
 */
class DocumentNumbersTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "x 12-345/6|X123456",
                "X123456|X123456",
                "L898902C3|L898902C3",
                "l898 902 c3|L898902C3",
                "  AB.12  |AB12",
                "BKZ-412 7|BKZ4127",
                "ö-12|OE12",
                "ＡＢ１２３|AB123"
            })
    void numberIsUpperCaseLatinLettersAndDigitsOnly(String written, String normalized) {
        assertThat(DocumentNumbers.normalize(written)).isEqualTo(normalized);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"---", " / ", "  "})
    void numberWithoutLetterOrDigitBecomesEmpty(String written) {
        assertThat(DocumentNumbers.normalize(written)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"x 12-345/6", "Nº 4711", "ab-Ö 12"})
    void normalisingTwiceChangesNothing(String written) {
        String once = DocumentNumbers.normalize(written);
        assertThat(DocumentNumbers.normalize(once)).isEqualTo(once);
    }
}
