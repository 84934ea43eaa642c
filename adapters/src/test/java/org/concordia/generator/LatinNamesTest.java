package org.concordia.generator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LatinNamesTest {
    @ParameterizedTest(name = "{0} -> {1} / {2}")
    @CsvSource({
        "Müller, Muller, Mueller",
        "Ødegaard, Odegaard, Oedegaard",
        "Łukasz, Lukasz, Lukasz",
        "José, Jose, Jose",
        "Weiß, Weiss, Weiss",
        "Yılmaz, Yilmaz, Yilmaz",
        "Åsa, Asa, Aasa",
        "Dvořáková, Dvorakova, Dvorakova",
        "Gonçalves, Goncalves, Goncalves",
    })
    void foldsDiacriticsAwayOrTranscribesThemTheGermanWay(String name, String folded, String transcribed) {
        assertThat(LatinNames.fold(name, false)).isEqualTo(folded);
        assertThat(LatinNames.fold(name, true)).isEqualTo(transcribed);
    }
}
