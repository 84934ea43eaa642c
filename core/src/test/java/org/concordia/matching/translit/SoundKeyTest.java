package org.concordia.matching.translit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SoundKeyTest {
    private static long key(String latin) {
        return SoundKey.of(ScriptModel.encodeLatin(latin));
    }

    @ParameterizedTest
    @CsvSource({
        "muhammad, mohamed",
        "mohammed, muhamad",
        "crippen, kripen",
        "gorbachev, gorbachov",
        "yusuf, youssef",
        "lopez, ropes",
    })
    void transliterationVariantsShareAKey(String a, String b) {
        assertThat(key(a)).isEqualTo(key(b));
    }

    @Test
    void aLeadingVowelAndDifferentConsonantsAreKept() {
        assertThat(key("ali")).isNotEqualTo(key("li"));
        assertThat(key("karim")).isNotEqualTo(key("kasim"));
    }

    @Test
    void keysOfVeryLongNamesStopGrowingInsteadOfOverflowing() {
        assertThat(key("abcdfgjklmnpqrstvxzbcdfgjklmnp")).isPositive();
        assertThat(key("abcdfgjklmnpqrstvxzbcdfgjklmnp")).isEqualTo(key("abcdfgjklmnpqrstvxzbcdfgjklmnpqrst"));
    }
}
