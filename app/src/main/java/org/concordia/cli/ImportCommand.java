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

    @Option(
            names = "--node",
            paramLabel = "URL",
            description =
                    "Send the file to a running node's user API instead of a local store (needs --user, --password,"
                            + " an administrator's account). Formats ndjson, json, ftm, interpol.")
    String node;

    @Option(names = "--user", paramLabel = "U", description = "Account at --node.")
    String user;

    @Option(
            names = "--password",
            paramLabel = "P",
            arity = "0..1",
            interactive = true,
            description = "Password at --node.")
    String password;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (node != null) {
            return toNode();
        }
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

    /** The same import, done by a running node: the file is sent, the node's report printed as a local one. */
    private int toNode() throws IOException {
        java.io.PrintWriter err = spec.commandLine().getErr();
        if (user == null) {
            err.println("error missing_field: --node needs --user and --password");
            return ConcordiaCli.USAGE;
        }
        ImportFormat format;
        try {
            format = input.resolvedFormat();
        } catch (ImportSetupException e) {
            err.println("error " + e.code().code() + ": " + e.getMessage());
            return ConcordiaCli.USAGE;
        }
        if (!java.nio.file.Files.isReadable(input.file)) {
            err.println("error unreadable_input: cannot read " + input.file);
            return ConcordiaCli.USAGE;
        }
        String query = "?format=" + format.wireName() + "&name="
                + java.net.URLEncoder.encode(input.file.toString(), java.nio.charset.StandardCharsets.UTF_8);
        try (NodeClient client = new NodeClient(node, user, password == null ? "" : password)) {
            byte[] body = client.post(
                    "/api/v1/imports" + query,
                    "application/octet-stream",
                    java.net.http.HttpRequest.BodyPublishers.ofFile(input.file),
                    422);
            return report.present(
                    org.concordia.imports.ImportReportJson.read(body),
                    spec.commandLine().getOut());
        } catch (NodeClient.Failure f) {
            err.println("error " + f.code + ": " + f.getMessage());
            return ConcordiaCli.USAGE;
        } catch (java.net.ConnectException e) {
            err.println("error partner_unreachable: cannot connect to the node at " + node);
            return ConcordiaCli.USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ConcordiaCli.USAGE;
        }
    }
}
