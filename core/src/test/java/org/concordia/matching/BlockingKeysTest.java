package org.concordia.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BlockingKeysTest {
    @ParameterizedTest
    @CsvSource({
        "MOHAMED, MHMD",
        "MUHAMMAD, MHMD",
        "MOHAMMED, MHMD",
        "MHMD, MHMD",
        "ABDALLAH, ABDLH",
        "ABDULLAH, ABDLH",
        "SHAMMARI, ZMR",
        "PHILIPPE, FLP",
        "FILIP, FLP",
        "KHALED, XLD",
        "CHALED, XLD",
        "YOUSSEF, ISF",
    })
    void spellingAndTransliterationVariantsShareASkeleton(String token, String skeleton) {
        assertThat(BlockingKeys.skeleton(token)).isEqualTo(skeleton);
    }
}
