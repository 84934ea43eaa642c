package org.concordia.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.concordia.generator.GenerationSummary;
import org.concordia.generator.PeopleGenerator;
import org.concordia.imports.ImportFormat;
import org.concordia.imports.ImportReport;
import org.concordia.imports.Importer;
import org.concordia.imports.NdjsonSource;
import org.concordia.imports.RecordSource;
import org.concordia.json.RecordDecoder;
import org.concordia.store.NodeStorage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks that print figures (see docs/benchmarks.md).",
        subcommands = {
            BenchCommand.ImportBench.class,
            LinkBench.class,
            ScreenBench.class,
            NamesBench.class,
            FederationBench.class,
            MessageBench.class,
            AlertBench.class
        })
final class BenchCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = {
                "Generates N people (about 2 person records each), imports every record into a fresh embedded",
                "store and prints records/s and peak memory. Target: 20,000 records/s on 2 cores."
            })
    static final class ImportBench implements Callable<Integer> {
        static final double TARGET_RECORDS_PER_SECOND = 20_000;

        @Option(
                names = "--people",
                paramLabel = "N",
                defaultValue = "500000",
                description = "People to generate. Default: ${DEFAULT-VALUE}.")
        int people;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Default: ${DEFAULT-VALUE}.")
        long seed;

        @Option(
                names = "--work",
                paramLabel = "DIR",
                description = "Working directory (default: a new temporary one, deleted after).")
        Path work;

        @Option(
                names = "--jdbc-url",
                paramLabel = "URL",
                description = "Measure an external PostgreSQL instead of the embedded store.")
        String jdbcUrl;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            boolean temporary = work == null;
            Path dir = temporary ? Files.createTempDirectory("concordia-bench") : work;
            try {
                long t0 = System.nanoTime();
                GenerationSummary g = new PeopleGenerator(seed).write(people, dir.resolve("generated"));
                out.printf(
                        "generated %d people, %d records in %.1f s%n",
                        g.people(), g.records(), (System.nanoTime() - t0) / 1e9);
                out.flush();
                NodeStorage.Location location = jdbcUrl != null
                        ? new NodeStorage.Location.External(jdbcUrl, null, System.getenv("CONCORDIA_DB_PASSWORD"))
                        : new NodeStorage.Location.Embedded(dir.resolve("node"));
                try (NodeStorage node = NodeStorage.open(location);
                        RecordSource source = ImportFormat.NDJSON.open(
                                dir.resolve("generated").resolve(PeopleGenerator.RECORDS_FILE),
                                null,
                                NdjsonSource.DEFAULT_MAX_LINE_BYTES)) {
                    System.gc();
                    Measurements.resetPeaks();
                    long t1 = System.nanoTime();
                    ImportReport r = new Importer(new RecordDecoder(null), node.records(), Importer.DEFAULT_BATCH_SIZE)
                            .run(source, "records.ndjson", "ndjson");
                    double seconds = (System.nanoTime() - t1) / 1e9;
                    double rate = r.accepted() / seconds;
                    out.printf(
                            "imported %d records (%d rejected) into the %s in %.1f s%n",
                            r.accepted(),
                            r.rejected(),
                            jdbcUrl != null ? "external PostgreSQL" : "embedded store",
                            seconds);
                    out.printf(
                            "throughput: %.0f records/s (target %.0f: %s)%n",
                            rate, TARGET_RECORDS_PER_SECOND, rate >= TARGET_RECORDS_PER_SECOND ? "met" : "MISSED");
                    out.printf(
                            "peak JVM heap used: %d MiB; peak resident set of the JVM process: %d MiB (-Xmx %d MiB)%n",
                            Measurements.heapPeakMiB(),
                            Measurements.processPeakRssMiB(),
                            Runtime.getRuntime().maxMemory() >> 20);
                    out.printf(
                            "cores: %d, java %s%n",
                            Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
                    out.flush();
                    return r.rejected() == 0 ? ConcordiaCli.OK : ConcordiaCli.PROBLEMS;
                }
            } finally {
                if (temporary) {
                    deleteTree(dir);
                }
            }
        }

        static void deleteTree(Path dir) throws IOException {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
