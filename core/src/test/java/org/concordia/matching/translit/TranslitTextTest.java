package org.concordia.matching.translit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TranslitTextTest {
    @ParameterizedTest
    @CsvSource({"Müller-Perth, mullerperth", "ŠOLJAN, soljan", "mo'men, momen", "Øberg, oberg", "mohamed., mohamed"})
    void latinTokensBecomeLowerCaseAsciiLetters(String token, String expected) {
        assertThat(TranslitText.latin(token)).isEqualTo(expected);
    }

    @Test
    void arabicVowelPointsAndTatweelAreDropped() {
        assertThat(TranslitText.nativeForm("مُحَمَّـد", Script.ARAB)).isEqualTo("محمد");
    }

    @Test
    void traditionalAndSimplifiedChineseFoldAlike() {
        assertThat(TranslitText.nativeForm("貝拉", Script.HANI)).isEqualTo(TranslitText.nativeForm("贝拉", Script.HANI));
    }

    @Test
    void chineseIsFoldedToOneInitialAndOneFinalPerSyllable() {
        String units = TranslitText.nativeForm("普京", Script.HANI); // pu jing
        assertThat(units.codePoints().toArray())
                .containsExactly(
                        TranslitText.INITIAL_BASE + 4, // p
                        TranslitText.FINAL_BASE + 4, // u
                        TranslitText.INITIAL_BASE + 14, // j
                        TranslitText.FINAL_BASE + 23); // ing
        assertThat(TranslitText.sources("普京", Script.HANI)).containsExactly('普', '普', '京', '京');
    }

    @Test
    void hangulSyllablesAreDecomposedIntoJamo() {
        assertThat(TranslitText.nativeForm("김", Script.HANG)).hasSize(3);
    }

    @Test
    void hiraganaIsReadAsKatakanaAndCyrillicIsLowerCased() {
        assertThat(TranslitText.nativeForm("たなか", Script.KANA)).isEqualTo("タナカ");
        assertThat(TranslitText.nativeForm("Горбачёв", Script.CYRL)).isEqualTo("горбачёв");
    }
}
