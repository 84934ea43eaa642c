package org.concordia.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.concordia.imports.ImportFormat;
import org.concordia.imports.ImportSetupException;
import org.concordia.imports.Importer;
import org.concordia.imports.RecordSource;
import org.concordia.store.NodeStorage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Validates a file and stores its valid records in a node's store, keeping earlier versions.",
            "Re-importing an identical record creates no new version.",
            "Exit 0: every record stored; 1: some records were rejected (the valid ones are stored);"
                    + " 2: the file cannot be read."
        })
final class ImportCommand implements Callable<Integer> {
    @Mixin
    InputOptions input;

    @Mixin
    StorageOptions storage;

    @Mixin
    ReportOptions report;

    @Option(
            names = "--batch-size",
            paramLabel = "N",
            description = "Records stored per transaction. Default: ${DEFAULT-VALUE}.",
            defaultValue = "" + Importer.DEFAULT_BATCH_SIZE)
    int batchSize;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        try {
            ImportFormat format = input.resolvedFormat();
            try (RecordSource source = input.open();
                    NodeStorage node = storage.open()) {
                Importer importer = new Importer(input.decoder(), node.records(), batchSize);
                return report.present(
                        importer.run(source, input.file.toString(), format.wireName()),
                        spec.commandLine().getOut());
            }
        } catch (ImportSetupException e) {
            spec.commandLine().getErr().println("error " + e.code().code() + ": " + e.getMessage());
            return ConcordiaCli.USAGE;
        }
    }
}
