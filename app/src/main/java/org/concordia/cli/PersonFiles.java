package org.concordia.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.concordia.imports.ImportFormat;
import org.concordia.imports.ImportReport;
import org.concordia.imports.ImportSetupException;
import org.concordia.imports.Importer;
import org.concordia.imports.NdjsonSource;
import org.concordia.imports.RecordSource;
import org.concordia.json.RecordDecoder;
import org.concordia.model.Person;
import org.concordia.store.InMemoryRecordStore;

/**
 * Reads the persons of a file for the matching commands, through the same importer as {@code import},
 * so wrong input gets the same errors (printed to stderr with line, pointer and code).
 */
final class PersonFiles {
    /** The persons read (other record types are left aside) and the import report. */
    record Read(List<Person> persons, ImportReport report) {}

    private PersonFiles() {}

    static Read read(Path file, PrintWriter err) throws IOException, ImportSetupException {
        ImportFormat format = ImportFormat.guess(file);
        InMemoryRecordStore store = new InMemoryRecordStore();
        ImportReport report;
        try (RecordSource source = format.open(file, null, NdjsonSource.DEFAULT_MAX_LINE_BYTES)) {
            report = new Importer(new RecordDecoder(null), store, Importer.DEFAULT_BATCH_SIZE)
                    .run(source, file.toString(), format.wireName());
        }
        int shown = 0;
        for (ImportReport.Entry e : report.problems()) {
            if (!e.severity().equals("error")) {
                continue;
            }
            if (shown++ == 20) {
                err.println("... more errors; run ./concordia validate " + file + " --report FILE for all");
                break;
            }
            err.printf(
                    "%s: line %d%s error %s%s: %s%n",
                    file.getFileName(),
                    e.line(),
                    e.id() == null ? "" : " [" + e.id() + "]",
                    e.code(),
                    e.pointer().isEmpty() ? "" : " at " + e.pointer(),
                    e.message());
        }
        err.flush();
        List<Person> persons = store.current().stream()
                .filter(Person.class::isInstance)
                .map(Person.class::cast)
                .toList();
        return new Read(persons, report);
    }
}
