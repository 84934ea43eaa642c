package org.concordia.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.concordia.audit.AuditAction;
import org.concordia.audit.AuditCheckpoint;
import org.concordia.audit.AuditEntry;
import org.concordia.audit.AuditEvent;
import org.concordia.audit.AuditSigner;
import org.concordia.audit.TermHasher;
import org.concordia.model.ParticipantCode;
import org.concordia.model.Person;
import org.concordia.model.RecordId;
import org.concordia.port.AuditLog;
import org.concordia.search.FederatedSearch;
import org.concordia.search.PartnerStatus;
import org.concordia.search.SearchQuery;
import org.concordia.search.SearchResult;
import org.junit.jupiter.api.Test;

class NodeAuditTest {
    /** A log that keeps entries in memory, chained as the real one. */
    static final class RecordingLog implements AuditLog {
        final List<AuditEntry> entries = new ArrayList<>();

        @Override
        public synchronized AuditEntry append(AuditEvent event) {
            AuditEntry e = entries.isEmpty()
                    ? AuditEntry.first(event)
                    : entries.getLast().next(event);
            entries.add(e);
            return e;
        }

        @Override
        public Stream<AuditEntry> entries(long fromSequence) {
            return entries.stream().filter(e -> e.sequence() >= fromSequence);
        }

        @Override
        public List<AuditCheckpoint> checkpoints() {
            return List.of();
        }

        @Override
        public Optional<AuditCheckpoint> checkpoint(AuditSigner signer) {
            return Optional.empty();
        }

        @Override
        public void close() {}
    }

    private final RecordingLog log = new RecordingLog();
    private final NodeAudit audit = new NodeAudit(log, new TermHasher(TermHasher.newSecret()), Clock.systemUTC());

    private static SearchQuery query(String name) {
        return ((SearchQuery.Checked.Valid) SearchQuery.of("criminal-investigation: case 7", name, "1984", null, null))
                .query();
    }

    @Test
    void aSearchIsAuditedWithHashedTermsAndTheIdsFoundEvenWhenIdsAndUserNamesHoldSpaces() throws Exception {
        Person hit = (Person)
                TestFederation.record(
                        "{\"id\": \"EU 2024 117\", \"type\": \"Person\", \"owner\": \"EUROPOL\", \"names\": [{\"full\": \"Ivan Petrov\"}]}");
        FederatedSearch.Outcome outcome = new FederatedSearch.Outcome(
                List.of(new SearchResult.Hit(hit.owner(), hit, 0.97, List.of())),
                List.of(new PartnerStatus(hit.owner(), PartnerStatus.Status.HIT, 12, null)));

        audit.search("duty officer", query("Ivan Petrov"), outcome);

        AuditEntry e = log.entries.getFirst();
        assertThat(e.event().action()).isEqualTo(AuditAction.SEARCH);
        assertThat(e.event().actor()).isEqualTo("duty_officer");
        assertThat(e.event().purpose()).isEqualTo("criminal-investigation");
        assertThat(e.event().recordIds()).containsExactly("EUROPOL/EU_2024_117");
        assertThat(e.event().termHashes()).hasSize(3);
        assertThat(e.toString()).doesNotContain("Ivan").doesNotContain("Petrov").doesNotContain("case 7");
    }

    @Test
    void aRecordViewOfAnIdWithSpacesIsAudited() {
        audit.view("dpo", new ParticipantCode("EUROPOL"), new RecordId("EU 2024 117"), true);

        assertThat(log.entries.getFirst().event().recordIds()).containsExactly("EUROPOL/EU_2024_117");
    }

    @Test
    void aTokenNeverExceedsWhatTheAuditLogAcceptsEvenInCharactersOutsideTheBasicPlane() {
        String emoji = "\uD83D\uDE00".repeat(200) + " x";

        String t = NodeAudit.token(emoji);

        assertThat(t.length()).isLessThanOrEqualTo(AuditEvent.MAX_TOKEN_LENGTH);
        assertThat(AuditEvent.of(java.time.Instant.now(), AuditAction.SEARCH, t, "ok")
                        .actor())
                .isEqualTo(t);
        assertThat(NodeAudit.token("a\uD800b")).isEqualTo("a_b");
    }
}
