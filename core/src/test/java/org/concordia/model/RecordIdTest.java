package org.concordia.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sources: docs/exchange-model.md: "id: the owner's identifier, 1–200 characters, no control
 * characters"; docs/schema/v1/common.schema.json (maxLength 200, no U+0000–U+001F, U+007F–U+009F);
 * JSON Schema Validation 2020-12 §6.3 (string length counts characters as RFC 8259 defines them,
 * i.e. Unicode code points).
 */
class RecordIdTest {

    @Test
    void idOf200CharactersIsTheLongest() {
        assertThat(RecordId.MAX_LENGTH).isEqualTo(200);
        assertThat(RecordId.isValid("x".repeat(200))).isTrue();
        assertThat(new RecordId("x".repeat(200)).value()).hasSize(200);
        assertThat(RecordId.isValid("x".repeat(201))).isFalse();
        assertThatThrownBy(() -> new RecordId("x".repeat(201))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"R123", "EU-P-2024-000117", "SLTD-UTO-L898902C3", "a", "id with spaces", "يوسف-1"})
    void printableIdIsValidAndKeptAsGiven(String id) {
        assertThat(RecordId.isValid(id)).isTrue();
        assertThat(new RecordId(id)).hasToString(id);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t", "R\t1", "R\n1", "R\u00001", "R\u007F1", "R\u00851", "R\u009F1"})
    void blankIdOrIdWithControlCharactersIsInvalid(String id) {
        assertThat(RecordId.isValid(id)).isFalse();
    }

    @Test
    void constructorRefusesInvalidIds() {
        assertThatThrownBy(() -> new RecordId("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecordId(null)).isInstanceOf(NullPointerException.class);
    }

    // 200 characters outside the Basic Multilingual Plane (U+20000, a CJK Extension B ideograph):
    // 200 code points, valid under the published schema's maxLength 200, but 400 UTF-16 units.
    @Test
    void lengthLimitCountsCharactersNotUtf16Units() {
        String id = "\uD840\uDC00".repeat(200);
        assertThat(id.codePointCount(0, id.length())).isEqualTo(200);
        assertThat(RecordId.isValid(id)).isTrue();
    }
}
