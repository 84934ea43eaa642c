package org.concordia.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.concordia.matching.TestPersons;
import org.concordia.model.ParticipantCode;
import org.concordia.model.Person;
import org.concordia.problem.ErrorCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FederatedSearchTest {
    private static final ParticipantCode SELF = new ParticipantCode("INTERPOL");
    private static final ParticipantCode EUROPOL = new ParticipantCode("EUROPOL");
    private static final ParticipantCode AFRIPOL = new ParticipantCode("AFRIPOL");
    private static final ParticipantCode GCCPOL = new ParticipantCode("GCCPOL");
    private static final ParticipantCode ASEANAPOL = new ParticipantCode("ASEANAPOL");

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private static SearchQuery query() {
        return ((SearchQuery.Checked.Valid)
                        SearchQuery.of("criminal-investigation", "Mohamed Abdallah", null, null, null))
                .query();
    }

    private static SearchResult.Hit hit(ParticipantCode owner, String id, double score) {
        Person p = new Person(TestPersons.envelope(id), List.of(), null, null, null, List.of(), List.of());
        return new SearchResult.Hit(owner, p, score, List.of());
    }

    @Test
    void everyPartnersStatusIsListedAndResultsAreMergedBestFirst() {
        Map<ParticipantCode, PartnerAnswer> answers = Map.of(
                EUROPOL, new PartnerAnswer.Answered(List.of(hit(EUROPOL, "e1", 0.97))),
                AFRIPOL,
                        new PartnerAnswer.Answered(List.of(new SearchResult.HitOnly(AFRIPOL, "ref-1", ScoreBand.HIGH))),
                GCCPOL, new PartnerAnswer.Refused(ErrorCode.NO_AGREEMENT),
                ASEANAPOL, new PartnerAnswer.Answered(List.of()));
        FederatedSearch search = new FederatedSearch(
                SELF,
                q -> new PartnerAnswer.Answered(List.of(hit(SELF, "i1", 0.6))),
                (partner, q, requester) -> answers.get(partner),
                () -> List.of(EUROPOL, AFRIPOL, GCCPOL, ASEANAPOL),
                Duration.ofSeconds(5),
                executor);

        FederatedSearch.Outcome outcome = search.search(query(), "officer1");

        assertThat(outcome.results())
                .extracting(r -> r.owner().value())
                .containsExactly("EUROPOL", "AFRIPOL", "INTERPOL");
        assertThat(outcome.partners())
                .extracting(s -> s.participant().value() + " " + s.status().wireName())
                .containsExactly(
                        "INTERPOL hit", "EUROPOL hit", "AFRIPOL hit-only", "GCCPOL refused", "ASEANAPOL no-hit");
        assertThat(outcome.partners().get(3).code()).isEqualTo(ErrorCode.NO_AGREEMENT);
    }

    @Test
    void aSlowPartnerTimesOutAndTheOthersStillAnswer() {
        FederatedSearch search = new FederatedSearch(
                SELF,
                q -> new PartnerAnswer.Answered(List.of()),
                (partner, q, requester) -> {
                    if (partner.equals(EUROPOL)) {
                        try {
                            Thread.sleep(30_000);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return new PartnerAnswer.Answered(List.of(hit(partner, "x", 0.99)));
                },
                () -> List.of(EUROPOL, AFRIPOL),
                Duration.ofMillis(300),
                executor);

        long start = System.nanoTime();
        FederatedSearch.Outcome outcome = search.search(query(), "officer1");
        long tookMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(tookMs).isLessThan(30_000);
        assertThat(outcome.partners())
                .extracting(s -> s.participant().value() + " " + s.status().wireName())
                .containsExactly("INTERPOL no-hit", "EUROPOL timeout", "AFRIPOL hit");
        assertThat(outcome.results()).extracting(r -> r.owner().value()).containsExactly("AFRIPOL");
    }

    @Test
    void aPartnerThatFailsIsUnreachable() {
        FederatedSearch search = new FederatedSearch(
                SELF,
                q -> new PartnerAnswer.Answered(List.of()),
                (partner, q, requester) -> {
                    if (partner.equals(EUROPOL)) {
                        throw new IllegalStateException("connection refused");
                    }
                    return new PartnerAnswer.Failed(ErrorCode.SIGNATURE_INVALID);
                },
                () -> List.of(EUROPOL, AFRIPOL, SELF),
                Duration.ofSeconds(5),
                executor);

        FederatedSearch.Outcome outcome = search.search(query(), "officer1");

        assertThat(outcome.partners())
                .extracting(s -> s.participant().value() + " " + s.status().wireName() + " " + s.code())
                .containsExactly(
                        "INTERPOL no-hit null",
                        "EUROPOL unreachable partner_unreachable",
                        "AFRIPOL unreachable signature_invalid");
    }
}
