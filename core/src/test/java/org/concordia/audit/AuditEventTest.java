package org.concordia.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditEventTest {
    private static final Instant AT = Instant.parse("2026-11-30T09:00:00.123456789Z");

    @Test
    void timeIsKeptToTheMicrosecondTheStoreKeeps() {
        assertThat(AuditEvent.of(AT, AuditAction.SEARCH, "u", "hit").at())
                .isEqualTo(Instant.parse("2026-11-30T09:00:00.123456Z"));
    }

    @Test
    void aNameWithASpaceCannotBeAnActorPurposeOutcomeRecordIdOrDetail() {
        AuditEvent e = AuditEvent.of(AT, AuditAction.SEARCH, "u", "hit");
        assertThatThrownBy(() -> AuditEvent.of(AT, AuditAction.SEARCH, "Ivan Petrov", "hit"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("Ivan");
        assertThatThrownBy(() -> e.withPurpose("looking for Ivan Petrov")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditEvent.of(AT, AuditAction.SEARCH, "u", "hit\n"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> e.withRecordIds(List.of("R 1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> e.withDetails(Map.of("name", "Ivan Petrov")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("Ivan");
        assertThatThrownBy(() -> e.withDetails(Map.of("Name", "x"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aQueryTermCannotBeGivenAsATermHash() {
        AuditEvent e = AuditEvent.of(AT, AuditAction.SEARCH, "u", "hit");
        assertThatThrownBy(() -> e.withTermHashes(List.of("petrov"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(e.withTermHashes(List.of("a".repeat(64))).termHashes()).hasSize(1);
    }

    @Test
    void requiredFieldsAndLoneSurrogatesAreRefused() {
        assertThatThrownBy(() -> AuditEvent.of(null, AuditAction.SEARCH, "u", "hit"))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> AuditEvent.of(AT, null, "u", "hit")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> AuditEvent.of(AT, AuditAction.SEARCH, null, "hit"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditEvent.of(AT, AuditAction.SEARCH, "u\uD800", "hit"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void collectionsAreCopiedAndDetailsIterateInKeyOrder() {
        Map<String, String> details = new HashMap<>(Map.of("zeta", "1", "alpha", "2", "mid", "3"));
        AuditEvent e =
                AuditEvent.of(AT, AuditAction.AGREEMENT_CHANGE, "dpo", "ok").withDetails(details);
        details.put("later", "x");
        assertThat(e.details().keySet()).containsExactly("alpha", "mid", "zeta");
        assertThatThrownBy(() -> e.details().put("a", "b")).isInstanceOf(UnsupportedOperationException.class);
    }
}
