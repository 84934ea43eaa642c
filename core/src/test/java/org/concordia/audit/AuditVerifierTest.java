package org.concordia.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.concordia.audit.AuditVerification.Broken;
import org.concordia.audit.AuditVerification.Intact;
import org.concordia.problem.ErrorCode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AuditVerifierTest {
    private static final KeyPair KEYS = AuditLogs.ecKeys();
    private static final AuditSigner SIGNER = AuditSigner.ecdsa("NODE-A", KEYS.getPrivate());
    private static final CheckpointVerifier SIGNATURES = CheckpointVerifier.ecdsa(KEYS.getPublic());

    private final AuditVerifier verifier = new AuditVerifier();

    private AuditVerification verify(List<AuditEntry> entries, List<AuditCheckpoint> checkpoints) {
        return verifier.verify(entries.iterator(), checkpoints, SIGNATURES);
    }

    private static void assertBroken(AuditVerification result, ErrorCode code, long sequence) {
        assertThat(result).isInstanceOf(Broken.class);
        Broken b = (Broken) result;
        assertThat(b.code()).as(b.explanation()).isEqualTo(code);
        assertThat(b.sequence()).as(b.explanation()).isEqualTo(sequence);
    }

    private static AuditEntry withEvent(AuditEntry e, AuditEvent event) {
        return new AuditEntry(e.sequence(), event, e.previousHash(), e.hash());
    }

    private static AuditEntry withSequence(AuditEntry e, long sequence) {
        return new AuditEntry(sequence, e.event(), e.previousHash(), e.hash());
    }

    @Nested
    class AnIntactLog {
        @Test
        void isIntactWithItsCountLastSequenceHashAndVerifiedCheckpoints() {
            List<AuditEntry> log = AuditLogs.chain(10);
            List<AuditCheckpoint> cps =
                    List.of(AuditLogs.checkpoint(log.get(4), SIGNER), AuditLogs.checkpoint(log.get(9), SIGNER));
            assertThat(verify(log, cps)).isEqualTo(new Intact(10, 10, log.get(9).hash(), 2, 0));
        }

        @Test
        void anEmptyLogIsIntact() {
            assertThat(verify(List.of(), List.of())).isEqualTo(new Intact(0, 0, AuditHash.ZERO, 0, 0));
        }

        @Test
        void withoutAKeyCheckpointsMatchingTheChainAreCountedUnverified() {
            List<AuditEntry> log = AuditLogs.chain(5);
            assertThat(verifier.verifyWithoutSignatures(
                            log.iterator(), List.of(AuditLogs.checkpoint(log.get(4), SIGNER))))
                    .isEqualTo(new Intact(5, 5, log.get(4).hash(), 0, 1));
        }

        @Test
        void timeGoingBackWithinTheToleranceIsAccepted() {
            List<AuditEvent> events = new ArrayList<>(
                    AuditLogs.chain(3).stream().map(AuditEntry::event).toList());
            AuditEvent late = events.get(1);
            events.set(
                    1,
                    new AuditEvent(
                            late.at().plusSeconds(30),
                            late.action(),
                            late.actor(),
                            late.actorRole(),
                            late.participant(),
                            late.purpose(),
                            late.outcome(),
                            late.recordIds(),
                            late.termHashes(),
                            late.details()));
            assertThat(verify(AuditLogs.rechain(events), List.of())).isInstanceOf(Intact.class);
        }
    }

    @Nested
    class Altered {
        @Test
        void aChangedPurposeIsFoundAtItsEntry() {
            List<AuditEntry> log = new ArrayList<>(AuditLogs.chain(10));
            log.set(3, withEvent(log.get(3), log.get(3).event().withPurpose("something_else")));
            assertBroken(verify(log, List.of()), ErrorCode.AUDIT_ENTRY_ALTERED, 4);
        }

        @Test
        void aChangedTimeIsFoundAsAlteredNotReordered() {
            List<AuditEntry> log = new ArrayList<>(AuditLogs.chain(10));
            AuditEvent e = log.get(6).event();
            AuditEvent earlier = new AuditEvent(
                    e.at().minusSeconds(7200),
                    e.action(),
                    e.actor(),
                    e.actorRole(),
                    e.participant(),
                    e.purpose(),
                    e.outcome(),
                    e.recordIds(),
                    e.termHashes(),
                    e.details());
            log.set(6, withEvent(log.get(6), earlier));
            assertBroken(verify(log, List.of()), ErrorCode.AUDIT_ENTRY_ALTERED, 7);
        }

        @Test
        void anEntryReplacedWithItsHashRecomputedBreaksTheLinkToIt() {
            List<AuditEntry> log = new ArrayList<>(AuditLogs.chain(10));
            AuditEntry original = log.get(4);
            log.set(4, AuditEntry.chain(5, original.event().withPurpose("other"), original.previousHash()));
            assertBroken(verify(log, List.of()), ErrorCode.AUDIT_ENTRY_ALTERED, 6);
        }

        @Test
        void aFirstEntryNotChainedToZeroIsAltered() {
            AuditEntry first = AuditEntry.chain(1, AuditLogs.event(1), AuditHash.sha256(new byte[] {1}));
            assertBroken(verify(List.of(first), List.of()), ErrorCode.AUDIT_ENTRY_ALTERED, 1);
        }

        @Test
        void anEntryThatCannotBeReadBackIsAltered() {
            List<AuditEntry> log = AuditLogs.chain(6);
            Iterator<AuditEntry> withUnreadable = new Iterator<>() {
                int i;

                @Override
                public boolean hasNext() {
                    return i < log.size();
                }

                @Override
                public AuditEntry next() {
                    if (i >= log.size()) {
                        throw new NoSuchElementException();
                    }
                    AuditEntry e = log.get(i++);
                    if (e.sequence() == 3) {
                        throw new UnreadableAuditEntryException(3, "unknown action", null);
                    }
                    return e;
                }
            };
            assertBroken(verifier.verify(withUnreadable, List.of(), SIGNATURES), ErrorCode.AUDIT_ENTRY_ALTERED, 3);
        }
    }

    @Nested
    class Missing {
        @Test
        void aDeletedMiddleEntryIsMissingAtItsSequence() {
            List<AuditEntry> log = new ArrayList<>(AuditLogs.chain(10));
            log.remove(4);
            assertBroken(verify(log, List.of()), ErrorCode.AUDIT_ENTRY_MISSING, 5);
        }

        @Test
        void deletedFirstEntriesAreMissingFromOne() {
            List<AuditEntry> log = AuditLogs.chain(10).subList(3, 10);
            assertBroken(verify(log, List.of()), ErrorCode.AUDIT_ENTRY_MISSING, 1);
        }

        @Test
        void entriesCutOffTheEndAreCaughtByALaterCheckpoint() {
            List<AuditEntry> log = AuditLogs.chain(10);
            AuditCheckpoint at10 = AuditLogs.checkpoint(log.get(9), SIGNER);
            assertBroken(verify(log.subList(0, 7), List.of(at10)), ErrorCode.AUDIT_ENTRY_MISSING, 8);
        }

        @Test
        void entriesCutOffAfterTheLastCheckpointCannotBeSeen() {
            // the limit of every hash chain: what was never committed to can be cut off without trace
            List<AuditEntry> log = AuditLogs.chain(10);
            AuditCheckpoint at5 = AuditLogs.checkpoint(log.get(4), SIGNER);
            assertThat(verify(log.subList(0, 7), List.of(at5))).isInstanceOf(Intact.class);
        }
    }

    @Nested
    class Reordered {
        @Test
        void twoEntriesWithSwappedSequencesAreReorderedAtTheLowerOne() {
            List<AuditEntry> log = new ArrayList<>(AuditLogs.chain(10));
            AuditEntry fifth = log.get(4);
            AuditEntry sixth = log.get(5);
            log.set(4, withSequence(fifth, 6));
            log.set(5, withSequence(sixth, 5));
            assertBroken(verify(log, List.of()), ErrorCode.AUDIT_ENTRY_REORDERED, 5);
        }

        @Test
        void entriesStoredInAnotherOrderAreReordered() {
            List<AuditEntry> log = new ArrayList<>(AuditLogs.chain(10));
            AuditEntry third = log.remove(2);
            log.add(6, third);
            assertBroken(verify(log, List.of()), ErrorCode.AUDIT_ENTRY_REORDERED, 3);
        }

        @Test
        void aRepeatedSequenceIsReordered() {
            List<AuditEntry> log = new ArrayList<>(AuditLogs.chain(6));
            log.add(4, log.get(3));
            assertBroken(verify(log, List.of()), ErrorCode.AUDIT_ENTRY_REORDERED, 4);
        }

        @Test
        void aChainWhoseTimeGoesBackBeyondTheToleranceIsReordered() {
            List<AuditEvent> events = new ArrayList<>(
                    AuditLogs.chain(6).stream().map(AuditEntry::event).toList());
            AuditEvent moved = events.remove(1);
            events.add(4, moved); // written in another order, then chained: hashes hold, time does not
            AuditVerification result = new AuditVerifier(Duration.ofSeconds(1))
                    .verify(AuditLogs.rechain(events).iterator(), List.of(), SIGNATURES);
            assertBroken(result, ErrorCode.AUDIT_ENTRY_REORDERED, 5);
        }
    }

    @Nested
    class Checkpoints {
        @Test
        void aChainRebuiltFromScratchIsCaughtByTheFirstCheckpointThatNoLongerMatches() {
            List<AuditEntry> log = AuditLogs.chain(10);
            List<AuditCheckpoint> cps =
                    List.of(AuditLogs.checkpoint(log.get(4), SIGNER), AuditLogs.checkpoint(log.get(9), SIGNER));
            List<AuditEvent> events =
                    new ArrayList<>(log.stream().map(AuditEntry::event).toList());
            events.set(6, events.get(6).withPurpose("other"));
            List<AuditEntry> rebuilt = AuditLogs.rechain(events);
            assertBroken(verify(rebuilt, cps), ErrorCode.AUDIT_CHECKPOINT_INVALID, 6);
        }

        @Test
        void aCheckpointSignedWithAnotherKeyIsInvalidAtItsSequence() {
            List<AuditEntry> log = AuditLogs.chain(10);
            AuditSigner forger = AuditSigner.ecdsa("NODE-A", AuditLogs.ecKeys().getPrivate());
            List<AuditCheckpoint> cps =
                    List.of(AuditLogs.checkpoint(log.get(2), SIGNER), AuditLogs.checkpoint(log.get(7), forger));
            assertBroken(verify(log, cps), ErrorCode.AUDIT_CHECKPOINT_INVALID, 8);
        }

        @Test
        void aCheckpointWithAChangedHashDoesNotVerify() {
            List<AuditEntry> log = AuditLogs.chain(10);
            AuditCheckpoint good = AuditLogs.checkpoint(log.get(7), SIGNER);
            AuditCheckpoint moved =
                    new AuditCheckpoint(good.sequence(), log.get(6).hash(), good.at(), good.signer(), good.signature());
            assertBroken(verify(log, List.of(moved)), ErrorCode.AUDIT_CHECKPOINT_INVALID, 8);
        }

        @Test
        void aForgedCheckpointPassesWithoutAKeyButNotWithOne() {
            List<AuditEntry> log = AuditLogs.chain(4);
            AuditSigner forger = AuditSigner.ecdsa("NODE-A", AuditLogs.ecKeys().getPrivate());
            List<AuditCheckpoint> cps = List.of(AuditLogs.checkpoint(log.get(3), forger));
            assertThat(verifier.verifyWithoutSignatures(log.iterator(), cps)).isInstanceOf(Intact.class);
            assertBroken(verify(log, cps), ErrorCode.AUDIT_CHECKPOINT_INVALID, 4);
        }

        @Test
        void aCheckpointBeyondTheEndWithABadSignatureIsInvalidNotMissing() {
            List<AuditEntry> log = AuditLogs.chain(10);
            AuditSigner forger = AuditSigner.ecdsa("NODE-A", AuditLogs.ecKeys().getPrivate());
            AuditCheckpoint forged = AuditLogs.checkpoint(log.get(9), forger);
            assertBroken(verify(log.subList(0, 8), List.of(forged)), ErrorCode.AUDIT_CHECKPOINT_INVALID, 10);
        }
    }

    @Test
    void theFirstProblemInSequenceOrderIsNamed() {
        List<AuditEntry> log = new ArrayList<>(AuditLogs.chain(10));
        log.remove(7);
        log.set(2, withEvent(log.get(2), log.get(2).event().withPurpose("other")));
        assertBroken(verify(log, List.of()), ErrorCode.AUDIT_ENTRY_ALTERED, 3);
    }

    @Test
    void explanationsHoldNoEntryContent() {
        List<AuditEntry> log = new ArrayList<>(AuditLogs.chain(5));
        log.set(1, withEvent(log.get(1), log.get(1).event().withPurpose("secret_purpose")));
        Broken b = (Broken) verify(log, List.of());
        assertThat(b.explanation()).doesNotContain("secret_purpose", "officer", "EUROPOL", "R2");
    }
}
