package org.concordia.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.concordia.imports.ImportSetupException;
import org.concordia.index.LuceneCandidateIndex;
import org.concordia.matching.Linker;
import org.concordia.matching.MatchThresholds;
import org.concordia.model.Person;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "link",
        mixinStandardHelpOptions = true,
        description = {
            "Finds the records of a file that are the same person.",
            "LINKS.csv: id_a,id_b,score,state with state 'same' (above --same and not resting on a cross-script",
            "name alone) or 'possible' (to be verified by a person). CLUSTERS.csv: record_id,cluster_id.",
            "Exit 0 done; 1 some records were rejected (the others are linked); 2 unreadable input."
        })
final class LinkCommand implements Callable<Integer> {
    @Option(
            names = "--input",
            required = true,
            paramLabel = "RECORDS.ndjson",
            description = "Records (NDJSON of the exchange model).")
    Path input;

    @Option(names = "--output", required = true, paramLabel = "LINKS.csv", description = "Where to write the links.")
    Path output;

    @Option(names = "--clusters", paramLabel = "CLUSTERS.csv", description = "Also write the identity groups.")
    Path clusters;

    @Option(
            names = "--same",
            paramLabel = "P",
            defaultValue = "0.95",
            description = "Match probability for 'same'. Default: ${DEFAULT-VALUE}.")
    double same;

    @Option(
            names = "--possible",
            paramLabel = "P",
            defaultValue = "0.5",
            description = "Match probability for 'possible'. Default: ${DEFAULT-VALUE}.")
    double possible;

    @Option(
            names = "--candidates",
            paramLabel = "N",
            defaultValue = "30",
            description = "Candidates retrieved per record. Default: ${DEFAULT-VALUE}.")
    int candidates;

    @Option(
            names = "--frequency-adjustment",
            description = "Weigh exact agreement on rare values (names, birth places) more, on common values less.")
    boolean frequencyAdjustment;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        MatchThresholds thresholds;
        try {
            thresholds = new MatchThresholds(same, possible);
        } catch (IllegalArgumentException e) {
            err.println("error invalid_value: " + e.getMessage());
            return ConcordiaCli.USAGE;
        }
        PersonFiles.Read read;
        try {
            read = PersonFiles.read(input, err);
        } catch (ImportSetupException e) {
            err.println("error " + e.code().code() + ": " + e.getMessage());
            return ConcordiaCli.USAGE;
        }
        List<Person> persons = read.persons();
        Linker.Result result;
        try (LuceneCandidateIndex index = LuceneCandidateIndex.inMemory()) {
            result = new Linker<>(Matching.comparator(), Linker.Config.of(thresholds, candidates, frequencyAdjustment))
                    .link(persons, index);
        }
        writeLinks(persons, result);
        if (clusters != null) {
            writeClusters(persons, result.clusters());
        }
        long sameCount = result.links().stream()
                .filter(l -> l.state().wireName().equals("same"))
                .count();
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
                "%d persons, %d candidate pairs compared, %d links (%d same, %d possible)%n",
                persons.size(),
                result.candidatePairs(),
                result.links().size(),
                sameCount,
                result.links().size() - sameCount);
        out.flush();
        return read.report().hasRejections() ? ConcordiaCli.PROBLEMS : ConcordiaCli.OK;
    }

    private void writeLinks(List<Person> persons, Linker.Result result) throws IOException {
        createParent(output);
        try (BufferedWriter w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            w.write("id_a,id_b,score,state\n");
            for (Linker.Link l : result.links()) {
                w.write(Csv.cell(persons.get(l.a()).id().value()) + ","
                        + Csv.cell(persons.get(l.b()).id().value()) + ","
                        + String.format(Locale.ROOT, "%.4f", l.probability()) + ","
                        + l.state().wireName() + "\n");
            }
        }
    }

    private void writeClusters(List<Person> persons, int[] cluster) throws IOException {
        createParent(clusters);
        try (BufferedWriter w = Files.newBufferedWriter(clusters, StandardCharsets.UTF_8)) {
            w.write("record_id,cluster_id\n");
            for (int i = 0; i < cluster.length; i++) {
                w.write(Csv.cell(persons.get(i).id().value()) + ","
                        + Csv.cell(persons.get(cluster[i]).id().value()) + "\n");
            }
        }
    }

    static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}
