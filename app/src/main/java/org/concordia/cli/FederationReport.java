package org.concordia.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.concordia.cli.SearchLoad.PartnerReply;
import org.concordia.cli.SearchLoad.Sample;
import org.concordia.sharing.SharingPolicy.Disclosure;

/** Prints the federation benchmark's figures from its samples. */
final class FederationReport {
    private static final String HEADER = "%-34s %6s %8s %8s %8s %8s%n";
    private static final String ROW = "%-34s %6d %8.1f %8.1f %8.1f %8.1f%n";

    private final PrintWriter out;

    FederationReport(PrintWriter out) {
        this.out = out;
    }

    /** Latency, throughput, partner latency and status, recall and false hits of the measured searches. */
    void openLoop(List<Sample> measured, double rate, int duration, double targetP99Ms) {
        List<Sample> ok = measured.stream().filter(s -> s.failure() == null).toList();
        Map<String, Integer> failures = new TreeMap<>();
        measured.stream().filter(s -> s.failure() != null).forEach(s -> failures.merge(s.failure(), 1, Integer::sum));
        long first = measured.stream().mapToLong(Sample::scheduledNanos).min().orElse(0);
        long last = measured.stream()
                .mapToLong(s -> s.scheduledNanos() + s.latencyNanos())
                .max()
                .orElse(first);
        double achieved = ok.size() / Math.max(1e-9, (last - first) / 1e9);
        out.printf(
                "searches: %d measured (%d hit queries, %d no-hit), %d failed %s; achieved %.1f searches/s"
                        + " (scheduled %.1f/s); largest delay before sending %.1f ms%n",
                measured.size(),
                measured.stream().filter(s -> s.query().hit()).count(),
                measured.stream().filter(s -> !s.query().hit()).count(),
                measured.size() - ok.size(),
                failures.isEmpty() ? "" : failures.toString(),
                achieved,
                rate,
                measured.stream().mapToLong(Sample::sendLagNanos).max().orElse(0) / 1e6);
        out.printf(HEADER, "latency from schedule (ms)", "n", "p50", "p95", "p99", "max");
        latencyRow("all searches", measured, s -> true);
        latencyRow("hit queries", measured, s -> s.query().hit());
        latencyRow("no-hit queries", measured, s -> !s.query().hit());
        long[] all = sorted(measured, Sample::latencyNanos);
        double p99 = SearchLoad.percentile(all, 0.99) / 1e6;
        boolean met = p99 <= targetP99Ms && achieved >= 0.98 * rate && ok.size() == measured.size();
        out.printf(
                "target p99 <= %.0f ms at %.0f searches/s: %s (p99 %.1f ms at %.1f searches/s, %d failed)%n",
                targetP99Ms, rate, met ? "met" : "MISSED", p99, achieved, measured.size() - ok.size());
        slowByWindow(measured, first, targetP99Ms);
        partners(ok);
        recall(ok);
        long falseHits =
                ok.stream().filter(s -> !s.query().hit() && s.results() > 0).count();
        long noHits = ok.stream().filter(s -> !s.query().hit()).count();
        out.printf(
                "no-hit queries answered with some result anyway (a namesake above the possible threshold): %d of %d%n",
                falseHits, noHits);
        out.flush();
    }

    /**
     * How many searches took longer than the target in each 5 s window of their scheduled times, and
     * the window's slowest: whether the tail is spread over the run (queueing) or falls in a few bursts
     * (a collector's pause, a background task).
     */
    private void slowByWindow(List<Sample> measured, long first, double targetMs) {
        long window = 5_000_000_000L;
        java.util.TreeMap<Long, long[]> byWindow = new java.util.TreeMap<>();
        for (Sample s : measured) {
            long[] w = byWindow.computeIfAbsent((s.scheduledNanos() - first) / window, k -> new long[2]);
            if (s.latencyNanos() / 1e6 > targetMs) {
                w[0]++;
            }
            w[1] = Math.max(w[1], s.latencyNanos());
        }
        StringBuilder b = new StringBuilder();
        byWindow.forEach((k, w) ->
                b.append(b.isEmpty() ? "" : ", ").append(String.format("%d (%.0f)", w[0], w[1] / 1e6)));
        out.printf("searches over %.0f ms in each 5 s window (and the window's slowest, ms): %s%n", targetMs, b);
    }

    /** CPU used during the open loop, in all and per search. */
    void cpu(long jvmMillis, long postgresMillis, long machineMillis, int searches, double wallSeconds) {
        out.printf(
                "CPU of other processes on this machine during the run: %.1f s (%.0f %% of %d cores)%n",
                (machineMillis - jvmMillis - postgresMillis) / 1e3,
                100 * (machineMillis - jvmMillis - postgresMillis) / 1e3 / wallSeconds / cores(),
                cores());
        out.printf(
                "CPU during the measured run (%d searches in %.1f s): JVM %.1f s, PostgreSQL servers %.1f s"
                        + " = %.0f %% of %d cores; per search %.1f ms JVM (nodes and the load client) + %.1f ms"
                        + " PostgreSQL%n",
                searches,
                wallSeconds,
                jvmMillis / 1e3,
                postgresMillis / 1e3,
                100 * (jvmMillis + Math.max(0, postgresMillis)) / 1e3 / wallSeconds / cores(),
                cores(),
                jvmMillis / (double) searches,
                postgresMillis / (double) searches);
    }

    /** Searches sent one at a time: end-to-end and per-participant latency, CPU per search. */
    void oneByOne(List<Sample> samples, String kind, long jvmMillis, long postgresMillis, double wall, int owners) {
        List<Sample> ok = samples.stream().filter(s -> s.failure() == null).toList();
        out.printf(
                "  %d %s searches in %.1f s, %d failed; %d answered with some result%n",
                samples.size(),
                kind,
                wall,
                samples.size() - ok.size(),
                ok.stream().filter(s -> s.results() > 0).count());
        out.printf("  " + HEADER, "latency (ms)", "n", "p50", "p95", "p99", "max");
        out.print("  ");
        latencyRow("end to end", samples, s -> true);
        partners(ok);
        out.printf(
                "  CPU per search: JVM %.2f ms, PostgreSQL %.2f ms (each search runs at %d owners: about %.2f ms"
                        + " and %.2f ms per owner, the HTTP client and the entry node's merge included)%n",
                jvmMillis / (double) samples.size(),
                postgresMillis / (double) samples.size(),
                owners,
                jvmMillis / (double) samples.size() / owners,
                postgresMillis / (double) samples.size() / owners);
        out.flush();
    }

    private void latencyRow(String label, List<Sample> samples, Predicate<Sample> which) {
        long[] v = sorted(samples.stream().filter(which).toList(), Sample::latencyNanos);
        out.printf(
                ROW,
                label,
                v.length,
                SearchLoad.percentile(v, 0.50) / 1e6,
                SearchLoad.percentile(v, 0.95) / 1e6,
                SearchLoad.percentile(v, 0.99) / 1e6,
                SearchLoad.percentile(v, 1.0) / 1e6);
    }

    /** Each participant's latency as the answers report it, as the entry node's own search and as a partner. */
    private void partners(List<Sample> ok) {
        Map<String, List<PartnerReply>> asPartner = new TreeMap<>();
        Map<String, List<PartnerReply>> asEntry = new TreeMap<>();
        Map<String, Integer> statuses = new TreeMap<>();
        int timeout = 0;
        int unreachable = 0;
        for (Sample s : ok) {
            boolean t = false;
            boolean u = false;
            for (PartnerReply p : s.partners()) {
                (p.entry() ? asEntry : asPartner)
                        .computeIfAbsent(p.participant(), k -> new java.util.ArrayList<>())
                        .add(p);
                statuses.merge(p.status(), 1, Integer::sum);
                t |= p.status().equals("timeout");
                u |= p.status().equals("unreachable");
            }
            timeout += t ? 1 : 0;
            unreachable += u ? 1 : 0;
        }
        out.printf("  %-32s %6s %8s %8s %8s %8s%n", "participant latencyMs (answers)", "n", "p50", "p95", "p99", "max");
        for (var e : asEntry.entrySet()) {
            partnerRow(e.getKey() + " own search (entry node)", e.getValue());
        }
        for (var e : asPartner.entrySet()) {
            partnerRow(e.getKey() + " as a partner", e.getValue());
        }
        out.printf(
                "  searches with a partner timeout: %d, with a partner unreachable: %d; partner statuses %s%n",
                timeout, unreachable, statuses);
    }

    private void partnerRow(String label, List<PartnerReply> replies) {
        long[] v = replies.stream().mapToLong(PartnerReply::latencyMs).sorted().toArray();
        out.printf(
                "  %-32s %6d %8d %8d %8d %8d%n",
                label,
                v.length,
                SearchLoad.percentile(v, 0.50),
                SearchLoad.percentile(v, 0.95),
                SearchLoad.percentile(v, 0.99),
                SearchLoad.percentile(v, 1.0));
    }

    private void recall(List<Sample> ok) {
        int[] expected = new int[2];
        int[] found = new int[2];
        int complete = 0;
        int queries = 0;
        for (Sample s : ok) {
            if (!s.query().hit()) {
                continue;
            }
            queries++;
            for (var e : s.query().expected().entrySet()) {
                int k = e.getValue() == Disclosure.FULL ? 0 : 1;
                expected[k]++;
                found[k] += s.found().contains(e.getKey()) ? 1 : 0;
            }
            complete += s.found().size() == s.query().expected().size() ? 1 : 0;
        }
        out.printf(
                "recall: %d of %d (owner, person) pairs found = %.4f (shared in full: %d of %d = %.4f; hit-only: %d of"
                        + " %d = %.4f); hit queries with every other holder found: %d of %d%n",
                found[0] + found[1],
                expected[0] + expected[1],
                ratio(found[0] + found[1], expected[0] + expected[1]),
                found[0],
                expected[0],
                ratio(found[0], expected[0]),
                found[1],
                expected[1],
                ratio(found[1], expected[1]),
                complete,
                queries);
    }

    private static long[] sorted(List<Sample> samples, ToLongFunction<Sample> f) {
        return samples.stream().mapToLong(f).sorted().toArray();
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : a / (double) b;
    }

    private static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }
}
