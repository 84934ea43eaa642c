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
import java.util.stream.IntStream;
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
            "Searches each query person (a passenger list) against the records and ranks the best matches.",
            "RESULTS.csv: query_id,rank,record_id,score with ranks from 1, at most --top rows per query.",
            "Exit 0 done; 1 some records or queries were rejected; 2 unreadable input."
        })
final class ScreenCommand implements Callable<Integer> {
    @Option(names = "--index", required = true, paramLabel = "RECORDS.ndjson", description = "The records to search.")
    Path index;

    @Option(
            names = "--queries",
            required = true,
            paramLabel = "QUERIES.ndjson",
            description = "The persons to look for.")
    Path queries;

    @Option(names = "--top", required = true, paramLabel = "K", description = "Results per query.")
    int top;

    @Option(
            names = "--output",
            required = true,
            paramLabel = "RESULTS.csv",
            description = "Where to write the results.")
    Path output;

    @Option(
            names = "--candidates",
            paramLabel = "N",
            defaultValue = "300",
            description = "Candidates scored per query. Default: ${DEFAULT-VALUE}.")
    int candidates;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (top < 1) {
            err.println("error invalid_value: --top must be 1 or more");
            return ConcordiaCli.USAGE;
        }
        PersonFiles.Read records;
        PersonFiles.Read asked;
        try {
            records = PersonFiles.read(index, err);
            asked = PersonFiles.read(queries, err);
        } catch (ImportSetupException e) {
            err.println("error " + e.code().code() + ": " + e.getMessage());
            return ConcordiaCli.USAGE;
        }
        List<Person> people = records.persons();
        List<Person> qs = asked.persons();
        List<List<Screener.Hit>> results;
        try (LuceneCandidateIndex idx = LuceneCandidateIndex.inMemory(LuceneCandidateIndex.Retrieval.SCREENING)) {
            Screener<?> screener = new Screener<>(Matching.comparator(), idx, Math.max(candidates, top));
            screener.index(people);
            screener.train(qs, 2_000, 1);
            results = IntStream.range(0, qs.size())
                    .parallel()
                    .mapToObj(i -> screener.screen(qs.get(i), top))
                    .toList();
        }
        LinkCommand.createParent(output);
        try (BufferedWriter w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            w.write("query_id,rank,record_id,score\n");
            for (int q = 0; q < qs.size(); q++) {
                int rank = 1;
                for (Screener.Hit h : results.get(q)) {
                    w.write(Csv.cell(qs.get(q).id().value()) + "," + rank++ + ","
                            + Csv.cell(people.get(h.record()).id().value()) + ","
                            + String.format(Locale.ROOT, "%.4f", h.probability()) + "\n");
                }
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%d queries against %d records, results in %s%n", qs.size(), people.size(), output);
        out.flush();
        return records.report().hasRejections() || asked.report().hasRejections()
                ? ConcordiaCli.PROBLEMS
                : ConcordiaCli.OK;
    }
}
