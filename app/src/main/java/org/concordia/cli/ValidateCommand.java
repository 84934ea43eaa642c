package org.concordia.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.concordia.imports.ImportFormat;
import org.concordia.imports.ImportSetupException;
import org.concordia.imports.Importer;
import org.concordia.imports.RecordSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Checks a file against the exchange model without storing anything.",
            "Exit 0: every record is valid; 1: some records were rejected; 2: the file cannot be read."
        })
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    InputOptions input;

    @Mixin
    ReportOptions report;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        try {
            ImportFormat format = input.resolvedFormat();
            try (RecordSource source = input.open()) {
                Importer importer = new Importer(input.decoder(), null, Importer.DEFAULT_BATCH_SIZE);
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
