package org.concordia.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.concordia.json.RecordEncoder;
import org.concordia.model.ParticipantCode;
import org.concordia.model.RecordId;
import org.concordia.port.VersionedRecord;
import org.concordia.store.NodeStorage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = {
            "Prints a stored record (or every version of it) as JSON lines.",
            "Exit 1 when the record is unknown."
        })
final class ShowCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ID", description = "The record's id.")
    String id;

    @Option(names = "--owner", required = true, paramLabel = "PARTICIPANT", description = "The record's owner.")
    String owner;

    @Option(names = "--history", description = "Print every version, oldest first, each preceded by its version line.")
    boolean history;

    @Mixin
    StorageOptions storage;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ParticipantCode code = ParticipantCode.parse(owner);
        if (code == null || !RecordId.isValid(id)) {
            spec.commandLine()
                    .getErr()
                    .println("error invalid_value: --owner must be a participant code and ID a record id");
            return ConcordiaCli.USAGE;
        }
        PrintWriter out = spec.commandLine().getOut();
        RecordEncoder encoder = new RecordEncoder();
        try (NodeStorage node = storage.open()) {
            List<VersionedRecord> versions = history
                    ? node.records().history(code, new RecordId(id))
                    : node.records().find(code, new RecordId(id)).map(List::of).orElse(List.of());
            if (versions.isEmpty()) {
                spec.commandLine().getErr().println("no record " + id + " of " + code);
                return ConcordiaCli.PROBLEMS;
            }
            for (VersionedRecord v : versions) {
                if (history) {
                    out.println("# version " + v.version() + " stored " + v.storedAt());
                }
                out.println(encoder.encode(v.record()));
            }
            out.flush();
            return ConcordiaCli.OK;
        }
    }
}
