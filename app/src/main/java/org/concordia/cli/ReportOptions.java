package org.concordia.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.concordia.imports.ImportReport;
import org.concordia.imports.ImportReportJson;
import picocli.CommandLine.Option;

/** How validate and import present their report. */
final class ReportOptions {
    private static final int SHOWN_PROBLEMS = 20;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the full report as JSON to FILE.")
    Path reportFile;

    @Option(names = "--json", description = "Print the report as JSON instead of a summary.")
    boolean json;

    /** Prints the report and returns the exit code: 1 when records were rejected. */
    int present(ImportReport report, PrintWriter out) throws IOException {
        if (reportFile != null) {
            Path parent = reportFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (OutputStream o = Files.newOutputStream(reportFile)) {
                ImportReportJson.write(report, o);
            }
        }
        if (json) {
            out.println(ImportReportJson.toJson(report));
        } else {
            out.printf(
                    "%s: read %d, accepted %d, rejected %d, skipped %d, warnings %d%n",
                    report.file(),
                    report.read(),
                    report.accepted(),
                    report.rejected(),
                    report.skipped(),
                    report.warnings());
            if (report.stored()) {
                out.printf(
                        "stored: %d new, %d new versions, %d unchanged (%d ms)%n",
                        report.created(), report.updated(), report.unchanged(), report.durationMillis());
            }
            int n = 0;
            for (ImportReport.Entry e : report.problems()) {
                if (n++ == SHOWN_PROBLEMS) {
                    out.printf(
                            "... %d more%s%n",
                            report.problems().size() - SHOWN_PROBLEMS,
                            reportFile == null ? " (use --report FILE for all)" : " in " + reportFile);
                    break;
                }
                out.printf(
                        "line %d%s %s %s%s: %s%n",
                        e.line(),
                        e.id() == null ? "" : " [" + e.id() + "]",
                        e.severity(),
                        e.code(),
                        e.pointer().isEmpty() ? "" : " at " + e.pointer(),
                        e.message());
            }
        }
        out.flush();
        return report.hasRejections() ? ConcordiaCli.PROBLEMS : ConcordiaCli.OK;
    }
}
