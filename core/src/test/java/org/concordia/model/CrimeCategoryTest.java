package org.concordia.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Source: UNODC, International Classification of Crime for Statistical Purposes (ICCS) version 1.0,
 * March 2015: eleven level-1 sections with two-digit codes (01–11); level 2 has four digits (0101),
 * level 3 five (01011), level 4 six (010111). docs/exchange-model.md "Crime categories".
 */
class CrimeCategoryTest {

    @Test
    void codeWithDotsIsReadWithoutSeparators() {
        CrimeCategory c = CrimeCategory.parse("07.01").orElseThrow();
        assertThat(c.code()).isEqualTo("0701");
        assertThat(c.section()).isEqualTo("07");
        assertThat(c.sectionTitle()).isEqualTo("Acts involving fraud, deception or corruption");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "0101, 0101",
        "01.01, 0101",
        "01 01, 0101",
        "' 0701 ', 0701",
        "01, 01",
        "02011, 02011",
        "020111, 020111",
        "060131, 060131",
        "11, 11"
    })
    void iccsCodeOfEveryLevelIsRead(String text, String code) {
        assertThat(CrimeCategory.parse(text)).contains(new CrimeCategory(code));
    }

    // ICCS v1.0, level-1 section titles.
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "0101|Acts leading to death or intending to cause death",
                "02|Acts causing harm or intending to cause harm to the person",
                "0301|Injurious acts of a sexual nature",
                "0401|Acts against property involving violence or threat of violence against a person",
                "0501|Acts against property only",
                "060131|Acts involving controlled psychoactive substances or other drugs",
                "0701|Acts involving fraud, deception or corruption",
                "0801|Acts against public order, authority and provisions of the State",
                "0901|Acts against public safety and state security",
                "1001|Acts against the natural environment",
                "1101|Other criminal acts not elsewhere classified"
            })
    void sectionTitleIsTheIccsLevelOneTitle(String code, String title) {
        assertThat(new CrimeCategory(code).sectionTitle()).isEqualTo(title);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"00", "12", "1", "7", "99", "AB", "07-01", "0701x", "7.1"})
    void textThatCannotBeAnIccsCodeIsRefused(String text) {
        assertThat(CrimeCategory.parse(text)).isEmpty();
    }

    @Test
    void constructorTakesOnlyTheCompactForm() {
        assertThatThrownBy(() -> new CrimeCategory("07.01")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CrimeCategory(null)).isInstanceOf(NullPointerException.class);
    }

    // ICCS codes have 2, 4, 5 or 6 digits; 3, 7 or 8 digits cannot be an ICCS code.
    @ParameterizedTest
    @ValueSource(strings = {"011", "0101011", "01010111"})
    void codeOfALengthIccsDoesNotUseIsRefused(String text) {
        assertThat(CrimeCategory.parse(text)).isEmpty();
    }
}
