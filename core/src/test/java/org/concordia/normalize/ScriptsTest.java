package org.concordia.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sources: ISO 15924 (codes for the representation of names of scripts: Arab, Cyrl, Grek, Hang,
 * Hani, Hebr, Hira, Kana, Latn, Thai, Zyyy "Common"); Unicode UAX #24 Script property.
 */
class ScriptsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "محمد عبد الله, Arab",
        "Иван Петров, Cyrl",
        "王小明, Hani",
        "毛泽东, Hani",
        "สมชาย ใจดี, Thai",
        "John Smith, Latn",
        "Jürgen Müller, Latn",
        "Nguyễn Văn An, Latn",
        "Αλέξανδρος, Grek",
        "דוד כהן, Hebr",
        "김정은, Hang",
        "やまだ, Hira",
        "カタカナ, Kana"
    })
    void scriptOfTheLettersIsDetected(String text, String script) {
        assertThat(Scripts.detect(text)).isEqualTo(script);
    }

    @Test
    void scriptOfMostLettersWins() {
        assertThat(Scripts.detect("Ελληνικά Ab")).isEqualTo("Grek");
        assertThat(Scripts.detect("Иван (Ivan)")).isEqualTo("Cyrl");
    }

    @Test
    void digitsAndPunctuationDoNotCountAsAScript() {
        assertThat(Scripts.detect("محمد 1984-03-07")).isEqualTo("Arab");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "-- ..", "  "})
    void textWithoutLettersIsCommon(String text) {
        assertThat(Scripts.detect(text)).isEqualTo("Zyyy").isEqualTo(Scripts.COMMON);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void missingTextIsCommon(String text) {
        assertThat(Scripts.detect(text)).isEqualTo("Zyyy");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "arab, Arab",
        "ARAB, Arab",
        "Arab, Arab",
        "' cyrl ', Cyrl",
        "latn, Latn",
        "hani, Hani",
        "HANS, Hans",
        "hant, Hant",
        "zyyy, Zyyy",
        "hang, Hang",
        "thai, Thai"
    })
    void iso15924CodeInAnyCaseIsCanonicalised(String code, String canonical) {
        assertThat(Scripts.canonical(code)).isEqualTo(canonical);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Xxxx", "Abcd", "Latin", "Ar", "Arabic", "12ab"})
    void textThatIsNotAnIso15924CodeHasNoCanonicalForm(String code) {
        assertThat(Scripts.canonical(code)).isNull();
    }

    @Test
    void latinAndCommonCountAsLatin() {
        assertThat(Scripts.isLatin("Latn")).isTrue();
        assertThat(Scripts.isLatin("Zyyy")).isTrue();
        assertThat(Scripts.isLatin("Cyrl")).isFalse();
        assertThat(Scripts.isLatin(null)).isFalse();
    }
}
