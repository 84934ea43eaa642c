package org.concordia.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.concordia.model.ParticipantCode;
import org.concordia.problem.ErrorCode;

/**
 * One query, every connected system (DESIGN.md, flow 2 and principle 6): the query runs on this node's
 * own records and on every partner in parallel, each bounded by one deadline; the answer lists every
 * participant's status and latency, and carries what answered in time, merged and ranked by score. A
 * partner that is down or slow never holds the answer beyond the deadline: its status is {@code
 * unreachable} or {@code timeout}.
 *
 * <p>Thread-safe. The executor should give each call its own thread (virtual threads), since a
 * partner's call blocks on the network.
 */
public final class FederatedSearch {
    /** Every result, best first, and every participant's status (this node first). */
    public record Outcome(List<SearchResult> results, List<PartnerStatus> partners) {
        public Outcome {
            results = List.copyOf(results);
            partners = List.copyOf(partners);
        }
    }

    private final ParticipantCode self;
    private final Function<SearchQuery, PartnerAnswer> local;
    private final PartnerGateway gateway;
    private final Supplier<List<ParticipantCode>> partners;
    private final Duration deadline;
    private final ExecutorService executor;

    /**
     * @param local this node's own search (its records, answered in full to its own users)
     * @param partners the partners to ask, read at each search (the directory may change)
     * @param deadline how long the whole search may take
     */
    public FederatedSearch(
            ParticipantCode self,
            Function<SearchQuery, PartnerAnswer> local,
            PartnerGateway gateway,
            Supplier<List<ParticipantCode>> partners,
            Duration deadline,
            ExecutorService executor) {
        this.self = Objects.requireNonNull(self, "self");
        this.local = Objects.requireNonNull(local, "local");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.partners = Objects.requireNonNull(partners, "partners");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    private record Asked(ParticipantCode participant, Future<PartnerAnswer> answer, long[] latencyNanos) {}

    /** Runs the search; returns within the deadline (plus scheduling). */
    public Outcome search(SearchQuery query, String requester) {
        long start = System.nanoTime();
        long end = start + deadline.toNanos();
        List<Asked> asked = new ArrayList<>();
        asked.add(submit(self, () -> local.apply(query), start));
        for (ParticipantCode p : partners.get()) {
            if (!p.equals(self)) {
                asked.add(submit(p, () -> gateway.ask(p, query, requester), start));
            }
        }
        List<SearchResult> results = new ArrayList<>();
        List<PartnerStatus> statuses = new ArrayList<>();
        for (Asked a : asked) {
            long left = end - System.nanoTime();
            PartnerAnswer answer;
            try {
                answer = a.answer().get(Math.max(0, left), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                a.answer().cancel(true);
                statuses.add(new PartnerStatus(
                        a.participant(),
                        PartnerStatus.Status.TIMEOUT,
                        millis(deadline.toNanos()),
                        ErrorCode.PARTNER_TIMEOUT));
                continue;
            } catch (ExecutionException e) {
                answer = new PartnerAnswer.Failed(ErrorCode.PARTNER_UNREACHABLE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                a.answer().cancel(true);
                statuses.add(new PartnerStatus(
                        a.participant(),
                        PartnerStatus.Status.TIMEOUT,
                        millis(System.nanoTime() - start),
                        ErrorCode.PARTNER_TIMEOUT));
                continue;
            }
            long latency = a.latencyNanos()[0] > 0 ? a.latencyNanos()[0] : System.nanoTime() - start;
            statuses.add(PartnerStatus.of(a.participant(), answer, millis(latency)));
            if (answer instanceof PartnerAnswer.Answered ok) {
                results.addAll(ok.results());
            }
        }
        results.sort(Comparator.comparingDouble(SearchResult::score)
                .reversed()
                .thenComparing(r -> r.owner().value())
                .thenComparing(
                        r -> r instanceof SearchResult.Hit h ? h.record().id().value() : ""));
        return new Outcome(results, statuses);
    }

    private Asked submit(ParticipantCode p, Supplier<PartnerAnswer> call, long start) {
        long[] latency = new long[1];
        Future<PartnerAnswer> f = executor.submit(() -> {
            try {
                return call.get();
            } finally {
                latency[0] = System.nanoTime() - start;
            }
        });
        return new Asked(p, f, latency);
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
