package org.concordia.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.concordia.imports.ImportSetupException;
import org.concordia.index.LuceneCandidateIndex;
import org.concordia.matching.Screener;
import org.concordia.model.Person;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "screen",
        mixinStandardHelpOptions = true,
        description = {
            "Screening benchmark: generated people, one record of Q people held out as queries (a passenger",
            "list), every other record indexed. Prints index build rate, per-query latency percentiles and",
            "recall@1/@10 (a record of the same person among the top results). Targets: 1 M persons,",
            "p50 <= 5 ms, p99 <= 25 ms, recall@10 >= 0.99, index build >= 20,000 persons/s."
        })
final class ScreenBench implements Callable<Integer> {
    @Option(
            names = "--people",
            paramLabel = "N",
            defaultValue = "500000",
            description = "People to generate (about 2 records each). Default: ${DEFAULT-VALUE}.")
    int people;

    @Option(
            names = "--queries",
            paramLabel = "Q",
            defaultValue = "5000",
            description = "Queries. Default: ${DEFAULT-VALUE}.")
    int queries;

    @Option(
            names = "--candidates",
            paramLabel = "N",
            defaultValue = "300",
            description = "Candidates scored per query. Default: ${DEFAULT-VALUE}.")
    int candidates;

    @Option(
            names = "--show-misses",
            paramLabel = "N",
            defaultValue = "0",
            description = "Print N queries whose person is not in the top 10 (generated data only).")
    int showMisses;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, ImportSetupException {
        PrintWriter out = spec.commandLine().getOut();
        try (GeneratedPeople g = GeneratedPeople.generate(23, people)) {
            return run(g.persons, g.personOf, out);
        }
    }

    private int run(List<Person> all, Map<String, String> personOf, PrintWriter out) {
        Map<String, Integer> recordsPerPerson = new HashMap<>();
        for (Person p : all) {
            recordsPerPerson.merge(personOf.get(p.id().value()), 1, Integer::sum);
        }
        List<Person> indexed = new ArrayList<>(all.size());
        List<Person> asked = new ArrayList<>();
        Set<String> heldOut = new HashSet<>();
        for (Person p : all) {
            String person = personOf.get(p.id().value());
            if (asked.size() < queries && recordsPerPerson.get(person) >= 2 && heldOut.add(person)) {
                asked.add(p);
            } else {
                indexed.add(p);
            }
        }
        try (LuceneCandidateIndex index = LuceneCandidateIndex.inMemory(LuceneCandidateIndex.Retrieval.SCREENING)) {
            Screener<?> screener = new Screener<>(Matching.comparator(), index, candidates);
            long t0 = System.nanoTime();
            screener.index(indexed);
            double buildSeconds = (System.nanoTime() - t0) / 1e9;
            screener.train(asked, 2_000, 1);
            // warm up, then measure one query at a time
            for (int i = 0; i < Math.min(500, asked.size()); i++) {
                screener.screen(asked.get(i), 10);
            }
            long[] nanos = new long[asked.size()];
            int hit1 = 0;
            int hit10 = 0;
            int shown = 0;
            for (int i = 0; i < asked.size(); i++) {
                Person q = asked.get(i);
                long s = System.nanoTime();
                List<Screener.Hit> hits = screener.screen(q, 10);
                nanos[i] = System.nanoTime() - s;
                String person = personOf.get(q.id().value());
                int before = hit10;
                for (int r = 0; r < hits.size(); r++) {
                    if (person.equals(
                            personOf.get(indexed.get(hits.get(r).record()).id().value()))) {
                        if (r == 0) {
                            hit1++;
                        }
                        hit10++;
                        break;
                    }
                }
                if (hit10 == before && shown < showMisses) {
                    shown++;
                    StringBuilder sb =
                            new StringBuilder("  MISS query " + names(q) + " " + q.birthDate() + " | same person:");
                    for (int k = 0; k < indexed.size(); k++) {
                        if (person.equals(personOf.get(indexed.get(k).id().value()))) {
                            sb.append(" [")
                                    .append(names(indexed.get(k)))
                                    .append(' ')
                                    .append(indexed.get(k).birthDate())
                                    .append(']');
                        }
                    }
                    boolean retrieved = index.candidates(q, candidates).stream()
                            .anyMatch(c -> person.equals(
                                    personOf.get(indexed.get(c.ordinal()).id().value())));
                    sb.append(retrieved ? " | retrieved" : " | NOT retrieved");
                    if (!hits.isEmpty()) {
                        Person top = indexed.get(hits.getFirst().record());
                        sb.append(String.format(
                                " | top %.3f [%s %s]", hits.getFirst().probability(), names(top), top.birthDate()));
                    }
                    out.println(sb);
                }
            }
            Arrays.sort(nanos);
            out.printf(
                    "indexed %d persons in %.1f s: %.0f persons/s (target 20000)%n",
                    indexed.size(), buildSeconds, indexed.size() / buildSeconds);
            out.printf(
                    "%d queries, one at a time: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms (targets p50 5, p99 25)%n",
                    nanos.length, pct(nanos, 0.50), pct(nanos, 0.95), pct(nanos, 0.99));
            out.printf(
                    "recall@1 %.4f, recall@10 %.4f (target 0.99); peak heap %d MiB%n",
                    hit1 / (double) asked.size(), hit10 / (double) asked.size(), Measurements.heapPeakMiB());
            out.flush();
        }
        return ConcordiaCli.OK;
    }

    private static double pct(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))] / 1e6;
    }

    private static String names(Person p) {
        return p.names().stream().map(n -> n.full()).collect(java.util.stream.Collectors.joining(" / "));
    }
}
