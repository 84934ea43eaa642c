package org.concordia.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Source: FIRST, Traffic Light Protocol (TLP) version 2.0 (2022): labels TLP:CLEAR, TLP:GREEN,
 * TLP:AMBER, TLP:AMBER+STRICT, TLP:RED, from least to most restricted; TLP 1.0's WHITE became CLEAR.
 */
class TlpLabelTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "TLP:AMBER+STRICT, AMBER_STRICT",
        "AMBER+STRICT, AMBER_STRICT",
        "amber+strict, AMBER_STRICT",
        "TLP:RED, RED",
        "' tlp:red ', RED",
        "GREEN, GREEN",
        "amber, AMBER",
        "CLEAR, CLEAR",
        "TLP:CLEAR, CLEAR",
        "white, CLEAR",
        "TLP:WHITE, CLEAR"
    })
    void labelIsReadWithOrWithoutPrefixInAnyCase(String text, TlpLabel label) {
        assertThat(TlpLabel.parse(text)).contains(label);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"YELLOW", "AMBER STRICT", "AMBER_STRICT", "TLP:", "TLP AMBER", "TLP:TLP:RED"})
    void anythingElseIsNotALabel(String text) {
        assertThat(TlpLabel.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TlpLabel.class)
    void wireNameIsTheTlp2LabelWithoutPrefix(TlpLabel label) {
        assertThat(TlpLabel.parse("TLP:" + label.wireName())).contains(label);
    }

    @Test
    void wireNameOfAmberStrictHasThePlus() {
        assertThat(TlpLabel.AMBER_STRICT.wireName()).isEqualTo("AMBER+STRICT");
    }

    @Test
    void labelsAreOrderedFromLeastToMostRestricted() {
        assertThat(Arrays.stream(TlpLabel.values()).sorted())
                .containsExactly(TlpLabel.CLEAR, TlpLabel.GREEN, TlpLabel.AMBER, TlpLabel.AMBER_STRICT, TlpLabel.RED);
        assertThat(TlpLabel.RED.isStricterThan(TlpLabel.AMBER_STRICT)).isTrue();
        assertThat(TlpLabel.AMBER_STRICT.isStricterThan(TlpLabel.AMBER)).isTrue();
        assertThat(TlpLabel.AMBER.isStricterThan(TlpLabel.GREEN)).isTrue();
        assertThat(TlpLabel.GREEN.isStricterThan(TlpLabel.CLEAR)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(TlpLabel.class)
    void noLabelIsStricterThanItself(TlpLabel label) {
        assertThat(label.isStricterThan(label)).isFalse();
        assertThat(TlpLabel.CLEAR.isStricterThan(label)).isFalse();
    }
}
