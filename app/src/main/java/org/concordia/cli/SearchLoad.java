package org.concordia.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import org.concordia.sharing.SharingPolicy.Disclosure;

/**
 * Sends searches to nodes' user APIs as officers and keeps what each answer says: open loop at a fixed
 * rate ({@link #openLoop}), or one at a time ({@link #oneByOne}). A search's latency runs from the
 * time it was <em>scheduled</em>, not sent, so a queue in front of a busy node shows in the figures
 * instead of slowing the schedule (coordinated omission).
 */
final class SearchLoad {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SearchLoad() {}

    /**
     * One search as the benchmark asks it.
     *
     * @param entry the index of the node it is sent to
     * @param hit whether the person searched is held by other nodes (a hit query) or by none
     * @param person the generator's person id of a hit query; null for a no-hit query
     * @param expected for a hit query, the other owners holding the person and how each discloses it to
     *     the entry node's participant
     */
    record Query(int entry, String body, boolean hit, String person, Map<String, Disclosure> expected) {}

    /** What a participant's part of one answer said. */
    record PartnerReply(String participant, String status, long latencyMs, boolean entry) {}

    /**
     * One search's outcome.
     *
     * @param scheduledNanos when it was due ({@link System#nanoTime()})
     * @param latencyNanos from the scheduled time to the end of the reply
     * @param sendLagNanos from the scheduled time to the start of sending
     * @param failure null when answered with HTTP 200, else the error code or exception
     * @param found of {@link Query#expected}, the owners that answered with the person (a hit that is the
     *     person in the ground truth, or a hit-only answer, which names the owner only)
     * @param results how many results the answer carried
     */
    record Sample(
            Query query,
            long scheduledNanos,
            long latencyNanos,
            long sendLagNanos,
            String failure,
            List<PartnerReply> partners,
            List<String> found,
            int results) {}

    /**
     * Sends {@code count} searches at {@code rate} per second on a fixed schedule, query i to its entry
     * node, each from a virtual thread of its own; returns after every reply (or failure), in schedule
     * order.
     */
    static List<Sample> openLoop(
            List<NodeClient> clients, List<Query> queries, int count, double rate, Map<String, String> personOf) {
        long period = Math.round(1e9 / rate);
        Sample[] samples = new Sample[count];
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            long start = System.nanoTime() + 10_000_000;
            for (int i = 0; i < count; i++) {
                long scheduled = start + i * period;
                for (long wait = scheduled - System.nanoTime(); wait > 0; wait = scheduled - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                int k = i;
                Query q = queries.get(i % queries.size());
                threads.execute(() -> samples[k] = send(clients.get(q.entry()), q, scheduled, personOf));
            }
        }
        return Arrays.asList(samples);
    }

    /**
     * A warm-up: {@code workers} clients send the searches one after another, each when its previous one
     * is answered, for {@code seconds}; the machine is kept busy without building a queue in front of it,
     * so that the JIT compiler (whose work on the nodes' code takes minutes on two cores) is done before
     * anything is measured. Cycles through {@code queries}. Returns how many searches were sent.
     */
    static int closedLoop(List<NodeClient> clients, List<Query> queries, int seconds, int workers) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < workers; w++) {
                threads.execute(() -> {
                    while (System.nanoTime() < end) {
                        Query q = queries.get(next.getAndIncrement() % queries.size());
                        send(clients.get(q.entry()), q, System.nanoTime(), Map.of());
                    }
                });
            }
        }
        return next.get();
    }

    /** Sends the searches one after another, each when the previous one is answered. */
    static List<Sample> oneByOne(List<NodeClient> clients, List<Query> queries, Map<String, String> personOf) {
        List<Sample> out = new ArrayList<>();
        for (Query q : queries) {
            out.add(send(clients.get(q.entry()), q, System.nanoTime(), personOf));
        }
        return out;
    }

    private static Sample send(NodeClient client, Query q, long scheduled, Map<String, String> personOf) {
        long lag = System.nanoTime() - scheduled;
        JsonNode answer;
        try {
            answer = JSON.readTree(
                    client.post("/api/v1/searches", "application/json", HttpRequest.BodyPublishers.ofString(q.body())));
        } catch (NodeClient.Failure f) {
            return new Sample(q, scheduled, System.nanoTime() - scheduled, lag, f.code, List.of(), List.of(), 0);
        } catch (Exception e) {
            return new Sample(
                    q,
                    scheduled,
                    System.nanoTime() - scheduled,
                    lag,
                    e.getClass().getSimpleName(),
                    List.of(),
                    List.of(),
                    0);
        }
        long latency = System.nanoTime() - scheduled;
        List<PartnerReply> partners = new ArrayList<>();
        boolean first = true;
        for (JsonNode p : answer.path("partners")) {
            // the entry node lists itself first: its own search, without the network
            partners.add(new PartnerReply(
                    p.path("participant").asText(),
                    p.path("status").asText(),
                    p.path("latencyMs").asLong(),
                    first));
            first = false;
        }
        List<String> found = new ArrayList<>();
        if (q.hit()) {
            for (JsonNode r : answer.path("results")) {
                String owner = r.path("owner").asText();
                boolean same = r.path("reply").asText().equals("hit-only")
                        || q.person().equals(personOf.get(r.path("recordId").asText()));
                if (same && q.expected().containsKey(owner) && !found.contains(owner)) {
                    found.add(owner);
                }
            }
        }
        return new Sample(
                q,
                scheduled,
                latency,
                lag,
                null,
                partners,
                found,
                answer.path("results").size());
    }

    /** Nearest-rank percentile of sorted values; 0 when empty. */
    static long percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
