package org.concordia.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.concordia.matching.translit.CrossScriptBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "names",
        mixinStandardHelpOptions = true,
        description = {
            "Cross-script name-part retrieval on the Wikidata development slices: for each native-script name part,",
            "where the right Latin spelling ranks among all Latin parts of the slice. Prints recall@1/@10 per script",
            "against the targets (ar 0.80, zh 0.75, ru 0.95). Skips with a message when the data set is absent.",
            "Exit 0 targets met or skipped; 1 a target missed."
        })
final class NamesBench implements Callable<Integer> {
    @Option(
            names = "--datasets",
            paramLabel = "DIR",
            description = "Folder of the public data sets. Default: ../shared/datasets beside the project.")
    Path datasets;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = (datasets != null ? datasets : LinkBench.defaultDatasets()).resolve(CrossScriptBenchmark.DATASET);
        CrossScriptBenchmark.Result r = CrossScriptBenchmark.run(dir, out);
        out.flush();
        return r.skipped() || r.targetsMet() ? ConcordiaCli.OK : ConcordiaCli.PROBLEMS;
    }
}
