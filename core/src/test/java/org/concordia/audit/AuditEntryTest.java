package org.concordia.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class AuditEntryTest {
    private static final AuditEvent BASE = AuditLogs.event(1);

    @Test
    void theFirstEntryChainsToThirtyTwoZeroBytes() {
        AuditEntry first = AuditEntry.first(BASE);
        assertThat(first.sequence()).isEqualTo(1);
        assertThat(first.previousHash().bytes()).isEqualTo(new byte[32]);
        assertThat(first.contentGivesHash()).isTrue();
        assertThat(first.next(AuditLogs.event(2)).previousHash()).isEqualTo(first.hash());
    }

    @Test
    void theHashIsSha256OfTheDocumentedEncoding() {
        AuditEvent e = AuditEvent.of(
                        Instant.ofEpochSecond(1_700_000_000, 123_456_000), AuditAction.RECORD_VIEW, "u1", "ok")
                .withRecordIds(List.of("R1"))
                .withDetails(Map.of("b", "2", "a", "1"));
        ByteBuffer expected = ByteBuffer.allocate(512);
        str(expected, "concordia-audit-entry-v1");
        expected.putLong(7);
        expected.putLong(1_700_000_000).putInt(123_456_000);
        str(expected, "RECORD_VIEW");
        str(expected, "u1");
        expected.put((byte) 0).put((byte) 0).put((byte) 0); // no role, participant, purpose
        str(expected, "ok");
        expected.putInt(1);
        str(expected, "R1");
        expected.putInt(0); // no term hashes
        expected.putInt(2);
        str(expected, "a");
        str(expected, "1");
        str(expected, "b");
        str(expected, "2");
        expected.put(new byte[32]);
        byte[] bytes = new byte[expected.position()];
        expected.flip().get(bytes);
        assertThat(AuditEncoding.entry(7, e, AuditHash.ZERO)).isEqualTo(bytes);
        assertThat(AuditEntry.chain(7, e, AuditHash.ZERO).hash()).isEqualTo(AuditHash.sha256(bytes));
    }

    private static void str(ByteBuffer b, String s) {
        byte[] u = s.getBytes(StandardCharsets.UTF_8);
        b.putInt(u.length).put(u);
    }

    @Test
    void everyFieldChangesTheHash() {
        AuditHash base = AuditEntry.first(BASE).hash();
        List<UnaryOperator<AuditEvent>> changes = List.of(
                e -> AuditEvent.of(e.at().plusNanos(1000), e.action(), e.actor(), e.outcome()),
                e -> e.withActorRole("supervisor"),
                e -> e.withActorRole(null),
                e -> e.withParticipant("AFRIPOL"),
                e -> e.withPurpose("other"),
                e -> e.withRecordIds(List.of("R1", "R2")),
                e -> e.withTermHashes(List.of("0".repeat(64))),
                e -> e.withDetails(Map.of("request", "Q2")),
                e -> new AuditEvent(
                        e.at(),
                        AuditAction.PARTNER_SEARCH,
                        e.actor(),
                        e.actorRole(),
                        e.participant(),
                        e.purpose(),
                        e.outcome(),
                        e.recordIds(),
                        e.termHashes(),
                        e.details()));
        for (UnaryOperator<AuditEvent> change : changes) {
            assertThat(AuditEntry.first(change.apply(BASE)).hash()).isNotEqualTo(base);
        }
        assertThat(AuditEntry.chain(2, BASE, AuditHash.ZERO).hash()).isNotEqualTo(base);
        assertThat(AuditEntry.chain(1, BASE, AuditHash.sha256(new byte[0])).hash())
                .isNotEqualTo(base);
    }

    @Test
    void theEncodingIsUnambiguousAtFieldBoundaries() {
        AuditEvent ab = BASE.withRecordIds(List.of("ab", "c"));
        AuditEvent a = BASE.withRecordIds(List.of("a", "bc"));
        assertThat(AuditEntry.first(ab).hash()).isNotEqualTo(AuditEntry.first(a).hash());
        AuditEvent roleOnly = AuditEvent.of(BASE.at(), BASE.action(), "x", "ok").withActorRole("y");
        AuditEvent participantOnly =
                AuditEvent.of(BASE.at(), BASE.action(), "x", "ok").withParticipant("y");
        assertThat(AuditEntry.first(roleOnly).hash())
                .isNotEqualTo(AuditEntry.first(participantOnly).hash());
        AuditEvent oneDetail = BASE.withDetails(Map.of("k", "v"));
        AuditEvent idAsDetail = BASE.withRecordIds(List.of("R1", "k", "v")).withDetails(Map.of());
        assertThat(AuditEntry.first(oneDetail).hash())
                .isNotEqualTo(AuditEntry.first(idAsDetail).hash());
    }

    @Test
    void anEntryAndACheckpointNeverEncodeAlike() {
        byte[] cp = AuditEncoding.checkpoint(1, AuditHash.ZERO, BASE.at(), "N");
        assertThat(new String(cp, 4, 29, StandardCharsets.UTF_8)).isEqualTo("concordia-audit-checkpoint-v1");
        assertThat(new String(AuditEncoding.entry(1, BASE, AuditHash.ZERO), 4, 24, StandardCharsets.UTF_8))
                .isEqualTo("concordia-audit-entry-v1");
    }

    @Test
    void sequencesCountFromOne() {
        assertThatThrownBy(() -> AuditEntry.chain(0, BASE, AuditHash.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAuditHashHasThirtyTwoBytesAndIsCopied() {
        byte[] b = HexFormat.of().parseHex("ab".repeat(32));
        AuditHash h = AuditHash.of(b);
        b[0] = 0;
        assertThat(h.hex()).isEqualTo("ab".repeat(32));
        h.bytes()[1] = 0;
        assertThat(h).isEqualTo(AuditHash.fromHex("ab".repeat(32)));
        assertThatThrownBy(() -> AuditHash.of(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }
}
