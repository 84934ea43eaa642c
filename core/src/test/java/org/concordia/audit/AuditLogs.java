package org.concordia.audit;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Audit chains and keys for the tests, built in one place. */
final class AuditLogs {
    static final Instant START = Instant.parse("2026-11-30T09:00:00Z");

    private AuditLogs() {}

    static AuditEvent event(int i) {
        return AuditEvent.of(START.plusSeconds(i), AuditAction.SEARCH, "officer" + i, i % 2 == 0 ? "hit" : "no-hit")
                .withActorRole("analyst")
                .withParticipant("EUROPOL")
                .withPurpose("criminal_investigation")
                .withRecordIds(List.of("R" + i))
                .withDetails(Map.of("request", "Q" + i));
    }

    /** A chain of {@code n} entries, sequences 1..n. */
    static List<AuditEntry> chain(int n) {
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            entries.add(
                    entries.isEmpty()
                            ? AuditEntry.first(event(i))
                            : entries.getLast().next(event(i)));
        }
        return entries;
    }

    /** The same events, rechained from scratch with hashes recomputed. */
    static List<AuditEntry> rechain(List<AuditEvent> events) {
        List<AuditEntry> entries = new ArrayList<>();
        for (AuditEvent e : events) {
            entries.add(
                    entries.isEmpty() ? AuditEntry.first(e) : entries.getLast().next(e));
        }
        return entries;
    }

    static KeyPair ecKeys() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    static AuditCheckpoint checkpoint(AuditEntry at, AuditSigner signer) {
        return AuditCheckpoint.sign(at.sequence(), at.hash(), at.event().at().plusMillis(1), signer);
    }
}
