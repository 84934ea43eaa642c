package org.concordia.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.concordia.generator.GenerationSummary;
import org.concordia.generator.PeopleGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Writes deterministic multi-script test data as partner organisations hold it:",
            "DIR/records.ndjson (the records of every owner), DIR/truth.csv (record_id,person_id)",
            "and DIR/lookalikes.csv (person_a,person_b,kind: different people who look alike).",
            "The same --people and --seed give byte-identical files."
        })
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--people", required = true, paramLabel = "N", description = "How many real people to generate.")
    int people;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "1",
            description = "Random seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the files.")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (people < 0) {
            spec.commandLine().getErr().println("error invalid_value: --people must be zero or more");
            return ConcordiaCli.USAGE;
        }
        long started = System.nanoTime();
        GenerationSummary s = new PeopleGenerator(seed).write(people, out);
        PrintWriter w = spec.commandLine().getOut();
        w.printf(
                "generated %d people, %d records, %d look-alike pairs in %.1f s into %s%n",
                s.people(), s.records(), s.lookalikePairs(), (System.nanoTime() - started) / 1e9, out);
        s.recordsByOwner().forEach((owner, n) -> w.printf("  %-10s %d records%n", owner, n));
        w.flush();
        return ConcordiaCli.OK;
    }
}
