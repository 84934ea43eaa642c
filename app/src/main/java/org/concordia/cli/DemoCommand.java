package org.concordia.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.concordia.generator.GenerationSummary;
import org.concordia.generator.PeopleGenerator;
import org.concordia.imports.ImportFormat;
import org.concordia.imports.ImportReport;
import org.concordia.imports.Importer;
import org.concordia.imports.NdjsonSource;
import org.concordia.imports.RecordSource;
import org.concordia.index.LuceneCandidateIndex;
import org.concordia.json.Decoded;
import org.concordia.json.RecordDecoder;
import org.concordia.matching.Screener;
import org.concordia.model.Person;
import org.concordia.model.PersonName;
import org.concordia.model.RecordType;
import org.concordia.store.NodeStorage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The main job on the embedded default, as far as it exists: generated multi-script data, split by
 * owner, imported into one embedded node per participant (each node holds only its owner's records),
 * and an example of one real person as each node writes them.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Generates multi-script data for several participants and imports each participant's records",
            "into its own embedded node (DIR/nodes/PARTICIPANT), then prints what each node stored and how",
            "one person is written at each of them."
        })
final class DemoCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            defaultValue = "concordia-demo",
            description = "Working directory. Default: ${DEFAULT-VALUE}.")
    Path dir;

    @Option(
            names = "--people",
            paramLabel = "K",
            defaultValue = "2000",
            description = "People to generate. Default: ${DEFAULT-VALUE}.")
    int people;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "7", description = "Default: ${DEFAULT-VALUE}.")
    long seed;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path generated = dir.resolve("generated");
        GenerationSummary g = new PeopleGenerator(seed).write(people, generated);
        out.printf(
                "Generated %d people as %d records held by %d participants (%s)%n%n",
                g.people(), g.records(), g.recordsByOwner().size(), generated.resolve(PeopleGenerator.RECORDS_FILE));
        out.flush();
        Map<String, Path> byOwner =
                splitByOwner(generated.resolve(PeopleGenerator.RECORDS_FILE), generated.resolve("by-owner"));

        out.printf("%-10s %8s %8s %8s  %s%n", "node", "stored", "new", "rejected", "data directory");
        boolean rejected = false;
        for (Map.Entry<String, Path> e : byOwner.entrySet()) {
            Path nodeDir = dir.resolve("nodes").resolve(e.getKey());
            try (NodeStorage node = NodeStorage.open(new NodeStorage.Location.Embedded(nodeDir));
                    RecordSource source =
                            ImportFormat.NDJSON.open(e.getValue(), null, NdjsonSource.DEFAULT_MAX_LINE_BYTES)) {
                ImportReport r = new Importer(new RecordDecoder(null), node.records(), Importer.DEFAULT_BATCH_SIZE)
                        .run(source, e.getValue().toString(), "ndjson");
                long stored = node.records().countByType().getOrDefault(RecordType.PERSON, 0L);
                out.printf("%-10s %8d %8d %8d  %s%n", e.getKey(), stored, r.created(), r.rejected(), nodeDir);
                rejected |= r.hasRejections();
            }
            out.flush();
        }
        out.println();
        printOnePersonEverywhere(generated, out);
        out.printf(
                "%nLook at a record: ./concordia show --data %s --owner PARTICIPANT ID [--history]%n",
                dir.resolve("nodes").resolve("PARTICIPANT"));
        out.flush();
        return rejected ? ConcordiaCli.PROBLEMS : ConcordiaCli.OK;
    }

    /** Writes one NDJSON file per owner; returns them by owner, in order. */
    private static Map<String, Path> splitByOwner(Path records, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        Map<String, BufferedWriter> writers = new TreeMap<>();
        Map<String, Path> files = new TreeMap<>();
        try (BufferedReader in = Files.newBufferedReader(records, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                String owner = JSON.readTree(line).path("owner").asText("UNKNOWN");
                BufferedWriter w = writers.get(owner);
                if (w == null) {
                    Path f = outDir.resolve(owner + ".ndjson");
                    w = Files.newBufferedWriter(f, StandardCharsets.UTF_8);
                    writers.put(owner, w);
                    files.put(owner, f);
                }
                w.write(line);
                w.write('\n');
            }
        } finally {
            for (BufferedWriter w : writers.values()) {
                w.close();
            }
        }
        return files;
    }

    /** The person with the most records in different scripts, as each owner writes them. */
    private static void printOnePersonEverywhere(Path generated, PrintWriter out) throws IOException {
        Map<String, String> personOf = PeopleGenerator.readTruth(generated);
        Map<String, Integer> recordsOf = new HashMap<>();
        personOf.values().forEach(person -> recordsOf.merge(person, 1, Integer::sum));
        Map<String, List<Person>> persons = new HashMap<>();
        List<Person> everyone = new ArrayList<>();
        RecordDecoder decoder = new RecordDecoder(null);
        try (BufferedReader in = Files.newBufferedReader(generated.resolve(PeopleGenerator.RECORDS_FILE))) {
            String line;
            while ((line = in.readLine()) != null) {
                JsonNode n = JSON.readTree(line);
                String person = personOf.get(n.path("id").asText());
                if (person != null
                        && decoder.decode(n) instanceof Decoded.Accepted a
                        && a.record() instanceof Person p) {
                    everyone.add(p);
                    if (recordsOf.get(person) >= 3) {
                        persons.computeIfAbsent(person, k -> new ArrayList<>()).add(p);
                    }
                }
            }
        }
        List<Person> best = persons.values().stream()
                .max((a, b) -> Long.compare(scripts(a), scripts(b)))
                .orElse(List.of());
        if (best.isEmpty()) {
            return;
        }
        out.println("One person, as the nodes hold them (original spelling | script | Latin form for matching):");
        for (Person p : best) {
            for (PersonName n : p.names()) {
                out.printf(
                        "  %-10s %-12s %-36s | %s | %s%n",
                        p.owner(), p.id(), n.full(), n.script(), n.normalized().latin());
            }
        }
        searchEverywhere(best.getFirst(), everyone, personOf, out);
    }

    /** One screening search for the first record over every node's records, with the evidence. */
    private static void searchEverywhere(
            Person query, List<Person> everyone, Map<String, String> personOf, PrintWriter out) {
        try (LuceneCandidateIndex index = LuceneCandidateIndex.inMemory(LuceneCandidateIndex.Retrieval.SCREENING)) {
            Screener<?> screener = new Screener<>(Matching.comparator(), index, 200);
            screener.index(everyone);
            screener.train(everyone, 2_000, 1);
            out.printf(
                    "%nSearching every node for %s %s (what ./concordia screen does for a list):%n",
                    query.owner(), query.id());
            int rank = 0;
            for (Screener.Hit h : screener.screen(query, 6)) {
                Person p = everyone.get(h.record());
                if (p == query) {
                    continue; // the record asked about is in the index too
                }
                boolean same = personOf.get(p.id().value())
                        .equals(personOf.get(query.id().value()));
                out.printf(
                        "  %d. %.3f %-10s %-16s %-34s %s%n",
                        ++rank,
                        h.probability(),
                        p.owner(),
                        p.id(),
                        p.names().getFirst().full(),
                        same ? "(same person in the ground truth)" : "");
                out.printf("       %s%n", h.evidence().getFirst().explanation());
            }
        }
    }

    private static long scripts(List<Person> records) {
        return records.stream()
                .flatMap(p -> p.names().stream())
                .map(PersonName::script)
                .distinct()
                .count();
    }
}
