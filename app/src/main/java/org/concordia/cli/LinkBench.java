package org.concordia.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.concordia.datasets.BenchmarkDatasets;
import org.concordia.datasets.LabelledPersons;
import org.concordia.generator.PeopleGenerator;
import org.concordia.imports.ImportSetupException;
import org.concordia.index.LuceneCandidateIndex;
import org.concordia.matching.Agreement;
import org.concordia.matching.EmEstimator;
import org.concordia.matching.FellegiSunter;
import org.concordia.matching.LinkState;
import org.concordia.matching.Linker;
import org.concordia.model.Person;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "link",
        mixinStandardHelpOptions = true,
        description = {
            "Deduplication and linkage benchmarks: FEBRL 3 (dedup), FEBRL 4 (two-source linkage), Splink's",
            "historical_50k, and the project's generator. Prints pairwise precision/recall/F1 of 'same' links",
            "and of the clusters, records/s and peak memory. Skips a data set that is absent, with a message."
        })
final class LinkBench implements Callable<Integer> {
    @Option(
            names = "--dataset",
            paramLabel = "NAME",
            defaultValue = "all",
            description = "febrl3, febrl4, historical, generator or all. Default: ${DEFAULT-VALUE}.")
    String dataset;

    @Option(
            names = "--datasets",
            paramLabel = "DIR",
            description = "Folder of the public data sets. Default: ../shared/datasets beside the project.")
    Path datasets;

    @Option(
            names = "--people",
            paramLabel = "N",
            defaultValue = "100000",
            description = "People for the generator data set. Default: ${DEFAULT-VALUE}.")
    int people;

    @Option(
            names = "--candidates",
            paramLabel = "N",
            defaultValue = "30",
            description = "Candidates per record. Default: ${DEFAULT-VALUE}.")
    int candidates;

    @Option(
            names = "--show-errors",
            paramLabel = "N",
            defaultValue = "0",
            description = "Print N missed and N wrong 'same' pairs with their field explanations (public data only).")
    int showErrors;

    @Option(
            names = "--same",
            paramLabel = "P",
            defaultValue = "0.95",
            description = "Match probability for 'same'. Default: ${DEFAULT-VALUE}.")
    double sameThreshold;

    @Option(
            names = "--possible",
            paramLabel = "P",
            defaultValue = "0.5",
            description = "Match probability for 'possible'. Default: ${DEFAULT-VALUE}.")
    double possibleThreshold;

    @Option(
            names = "--frequency-adjustment",
            description = "Weigh exact agreement on rare values more, on common values less.")
    boolean frequencyAdjustment;

    @Option(
            names = "--oracle",
            description =
                    "Also link with m, u and prior counted from the truth: the ceiling of the comparison vectors.")
    boolean oracle;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, ImportSetupException {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = datasets != null ? datasets : defaultDatasets();
        for (String name :
                dataset.equals("all") ? List.of("febrl3", "febrl4", "historical", "generator") : List.of(dataset)) {
            LabelledPersons data;
            Set<Long> lookalikes = Set.of();
            switch (name) {
                case "febrl3", "febrl4" -> {
                    List<Path> files = name.equals("febrl3")
                            ? List.of(dir.resolve("febrl/dataset3.csv"))
                            : List.of(dir.resolve("febrl/dataset4a.csv"), dir.resolve("febrl/dataset4b.csv"));
                    if (!files.stream().allMatch(Files::isRegularFile)) {
                        out.printf("%s: skipped, %s not found%n", name, files.getFirst());
                        continue;
                    }
                    data = BenchmarkDatasets.febrl(name, files);
                }
                case "historical" -> {
                    Path f = dir.resolve("splink_synthetic_persons/historical_figures_with_errors_50k.csv");
                    if (!Files.isRegularFile(f)) {
                        out.printf("%s: skipped, %s not found%n", name, f);
                        continue;
                    }
                    data = BenchmarkDatasets.historical(f);
                }
                case "generator" -> {
                    try (GeneratedPeople g = GeneratedPeople.generate(11, people)) {
                        data = labelled(g);
                        lookalikes = lookalikePairs(g.dir);
                    }
                }
                default -> {
                    spec.commandLine().getErr().println("error invalid_value: unknown data set " + name);
                    return ConcordiaCli.USAGE;
                }
            }
            run(data, name.equals("febrl4"), lookalikes, out);
        }
        return ConcordiaCli.OK;
    }

    static Path defaultDatasets() {
        String home = System.getProperty("concordia.home", ".");
        return Path.of(home).resolve("../shared/datasets").normalize();
    }

    private void run(LabelledPersons data, boolean acrossSources, Set<Long> lookalikes, PrintWriter out) {
        System.gc();
        Measurements.resetPeaks();
        long t0 = System.nanoTime();
        Linker.Result r;
        try (LuceneCandidateIndex index = LuceneCandidateIndex.inMemory()) {
            r = new Linker<>(Matching.comparator(), config()).link(data.persons(), index);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<int[]> same = new ArrayList<>();
        List<int[]> any = new ArrayList<>();
        for (Linker.Link l : r.links()) {
            any.add(new int[] {l.a(), l.b()});
            if (l.state() == LinkState.SAME) {
                same.add(new int[] {l.a(), l.b()});
            }
        }
        LinkageMetrics pairwise = LinkageMetrics.ofPairs(data, same, acrossSources);
        LinkageMetrics withPossible = LinkageMetrics.ofPairs(data, any, acrossSources);
        LinkageMetrics clustered = LinkageMetrics.ofClusters(data, r.clusters(), acrossSources);
        List<int[]> candidatePairs = new ArrayList<>(r.candidates().length);
        for (long key : r.candidates()) {
            candidatePairs.add(new int[] {(int) (key >>> 32), (int) key});
        }
        LinkageMetrics blocking = LinkageMetrics.ofPairs(data, candidatePairs, acrossSources);
        out.printf(
                "%s: %d records, %d true pairs, %d candidate pairs, blocking recall %.4f%n",
                data.name(), data.persons().size(), pairwise.truePairs(), r.candidatePairs(), blocking.recall());
        out.printf(
                "  pairwise 'same':          P %.4f  R %.4f  F1 %.4f%n",
                pairwise.precision(), pairwise.recall(), pairwise.f1());
        out.printf(
                "  pairwise same+possible:   P %.4f  R %.4f  F1 %.4f%n",
                withPossible.precision(), withPossible.recall(), withPossible.f1());
        out.printf(
                "  after clustering:         P %.4f  R %.4f  F1 %.4f%n",
                clustered.precision(), clustered.recall(), clustered.f1());
        if (!lookalikes.isEmpty()) {
            long wrong = 0;
            for (int[] p : same) {
                String a = data.entity().get(p[0]);
                String b = data.entity().get(p[1]);
                if (lookalikes.contains(key(a, b))) {
                    wrong++;
                }
            }
            out.printf(
                    "  look-alike pairs linked as same: %d (of %d look-alike person pairs)%n",
                    wrong, lookalikes.size());
        }
        out.printf(
                "  %.1f s, %.0f records/s, peak heap %d MiB, model prior %.4f%n",
                seconds,
                data.persons().size() / seconds,
                Measurements.heapPeakMiB(),
                r.model().prior());
        if (oracle) {
            FellegiSunter o = oracleModel(data, r);
            try (LuceneCandidateIndex index = LuceneCandidateIndex.inMemory()) {
                Linker.Result ro = new Linker<>(Matching.comparator(), config()).link(data.persons(), index, o);
                List<int[]> so = new ArrayList<>();
                for (Linker.Link l : ro.links()) {
                    if (l.state() == LinkState.SAME) {
                        so.add(new int[] {l.a(), l.b()});
                    }
                }
                LinkageMetrics po = LinkageMetrics.ofPairs(data, so, acrossSources);
                LinkageMetrics co = LinkageMetrics.ofClusters(data, ro.clusters(), acrossSources);
                out.printf(
                        "  ORACLE model (m, u, prior from the truth): pairwise 'same' P %.4f R %.4f F1 %.4f; clusters P %.4f R %.4f F1 %.4f%n",
                        po.precision(), po.recall(), po.f1(), co.precision(), co.recall(), co.f1());
                printModel(o, out);
            }
        }
        if (showErrors > 0) {
            showErrors(data, r, acrossSources, out);
        }
        printModel(r.model(), out);
        out.flush();
    }

    private Linker.Config config() {
        return Linker.Config.of(
                new org.concordia.matching.MatchThresholds(sameThreshold, possibleThreshold),
                candidates,
                frequencyAdjustment);
    }

    private static FellegiSunter oracleModel(LabelledPersons data, Linker.Result r) {
        var cmp = Matching.comparator();
        var prepared = data.persons().parallelStream().map(cmp::prepare).toList();
        List<int[]> matches = new ArrayList<>();
        List<int[]> others = new ArrayList<>();
        for (long key : r.candidates()) {
            int a = (int) (key >>> 32);
            int b = (int) key;
            int[] v = FellegiSunter.levels(cmp.compare(prepared.get(a), prepared.get(b)));
            (data.entity().get(a).equals(data.entity().get(b)) ? matches : others).add(v);
        }
        return EmEstimator.fromLabelled(cmp.fields(), matches, others);
    }

    private static void printModel(FellegiSunter model, PrintWriter out) {
        for (int f = 0; f < model.fields().size(); f++) {
            StringBuilder sb =
                    new StringBuilder(String.format("  %-12s", model.fields().get(f)));
            for (Agreement a : Agreement.values()) {
                if (a != Agreement.MISSING) {
                    sb.append(String.format(
                            " %s m %.3f u %.4f w %+.1f;",
                            a.name().toLowerCase(java.util.Locale.ROOT),
                            model.m()[f][a.ordinal()],
                            model.u()[f][a.ordinal()],
                            model.weight(f, a.ordinal())));
                }
            }
            out.println(sb);
        }
        out.flush();
    }

    private void showErrors(LabelledPersons data, Linker.Result r, boolean acrossSources, PrintWriter out) {
        Set<Long> linked = new HashSet<>();
        int wrong = 0;
        for (Linker.Link l : r.links()) {
            if (l.state() == LinkState.SAME) {
                linked.add((long) l.a() << 32 | l.b());
                if (!data.entity().get(l.a()).equals(data.entity().get(l.b())) && wrong++ < showErrors) {
                    out.printf("  WRONG %.4f %s%n", l.probability(), explain(l.evidence()));
                }
            }
        }
        Map<String, List<Integer>> byEntity = new HashMap<>();
        for (int i = 0; i < data.persons().size(); i++) {
            byEntity.computeIfAbsent(data.entity().get(i), k -> new ArrayList<>())
                    .add(i);
        }
        int missed = 0;
        for (List<Integer> group : byEntity.values()) {
            for (int x = 0; x < group.size() && missed < showErrors; x++) {
                for (int y = x + 1; y < group.size() && missed < showErrors; y++) {
                    int a = Math.min(group.get(x), group.get(y));
                    int b = Math.max(group.get(x), group.get(y));
                    if ((acrossSources
                                    && data.source().get(a).equals(data.source().get(b)))
                            || linked.contains((long) a << 32 | b)) {
                        continue;
                    }
                    var v = Matching.comparator()
                            .compare(data.persons().get(a), data.persons().get(b));
                    out.printf("  MISSED %.4f %s%n", r.model().probability(FellegiSunter.levels(v)), explain(v));
                    missed++;
                }
            }
        }
    }

    private static String explain(List<org.concordia.matching.FieldComparison> v) {
        StringBuilder sb = new StringBuilder();
        for (var c : v) {
            sb.append(" | ")
                    .append(c.field())
                    .append(' ')
                    .append(c.agreement())
                    .append(": ")
                    .append(c.explanation());
        }
        return sb.toString();
    }

    private static LabelledPersons labelled(GeneratedPeople g) {
        List<Person> persons = g.persons;
        return new LabelledPersons(
                "generator",
                persons,
                persons.stream().map(p -> g.personOf.get(p.id().value())).toList(),
                persons.stream().map(p -> "generated").toList());
    }

    private static Set<Long> lookalikePairs(Path dir) throws IOException {
        Set<Long> out = new HashSet<>();
        try (BufferedReader in = Files.newBufferedReader(dir.resolve(PeopleGenerator.LOOKALIKES_FILE))) {
            in.readLine();
            for (String line; (line = in.readLine()) != null; ) {
                String[] c = line.split(",");
                out.add(key(c[0], c[1]));
            }
        }
        return out;
    }

    private static long key(String a, String b) {
        long x = Long.parseLong(a.substring(1));
        long y = Long.parseLong(b.substring(1));
        return Math.min(x, y) << 32 | Math.max(x, y);
    }
}
