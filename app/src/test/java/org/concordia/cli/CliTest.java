package org.concordia.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CliTest {
    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        CommandLine cl = ConcordiaCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    static final String VALID =
            "{\"id\":\"R1\",\"type\":\"Person\",\"owner\":\"EUROPOL\",\"names\":[{\"full\":\"Иван Петров\"}],\"birthDate\":\"1984\"}\n"
                    + "{\"id\":\"R2\",\"type\":\"Person\",\"owner\":\"EUROPOL\",\"names\":[{\"given\":\"Ana\",\"family\":\"López\"}]}\n";

    @TempDir
    Path dir;

    Path file(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void everyCommandHasHelpAndExitsZeroWithIt() {
        CommandLine root = ConcordiaCli.commandLine();
        assertThat(run("--help").exit()).isZero();
        for (String name : root.getSubcommands().keySet()) {
            if (name.equals("help")) {
                continue;
            }
            Run r = run(name, "--help");
            assertThat(r.exit()).as(name).isZero();
            assertThat(r.out()).as(name).contains("Usage:");
        }
    }

    @Test
    void wrongUsageExitsTwo() {
        assertThat(run("validate").exit()).isEqualTo(2);
        assertThat(run("validate", "--no-such-option", "x").exit()).isEqualTo(2);
        assertThat(run("no-such-command").exit()).isEqualTo(2);
    }

    @Nested
    class Validate {
        @Test
        void aValidFileExitsZero() throws IOException {
            Run r = run("validate", file("ok.ndjson", VALID).toString());
            assertThat(r.exit()).isZero();
            assertThat(r.out()).contains("read 2, accepted 2, rejected 0");
        }

        @Test
        void rejectedRecordsExitOneAndAreListedWithLineCodeAndPointer() throws IOException {
            Run r = run(
                    "validate",
                    file(
                                    "bad.ndjson",
                                    VALID
                                            + "{\"id\":\"R3\",\"type\":\"Person\",\"owner\":\"EUROPOL\",\"birthDate\":\"1984-02-30\"}\n")
                            .toString());
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.out()).contains("line 3 [R3] error impossible_date at /birthDate");
        }

        @Test
        void aMissingFileExitsTwoWithACode() {
            Run r = run("validate", dir.resolve("absent.ndjson").toString());
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).contains("unreadable_input");
        }

        @Test
        void theJsonReportListsEveryProblem() throws IOException {
            Path report = dir.resolve("report.json");
            Run r = run(
                    "validate",
                    "--json",
                    "--report",
                    report.toString(),
                    file("bad.ndjson", "{}\n[]\n").toString());
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.out()).contains("\"rejected\" : 2").contains("\"code\" : \"not_an_object\"");
            assertThat(Files.readString(report)).isEqualTo(r.out().strip());
        }
    }

    @Nested
    class Import {
        @Test
        void storesValidRecordsKeepsThemThroughBadLinesAndDoesNotDuplicateOnReimport() throws IOException {
            Path data = dir.resolve("node");
            Path f = dir.resolve("mixed.ndjson");
            Files.writeString(f, VALID, StandardCharsets.UTF_8);
            try (OutputStream o = Files.newOutputStream(f, StandardOpenOption.APPEND)) {
                // a 100 MB line, then a line in Latin-1, then a valid record
                o.write("{\"id\":\"BIG\",\"type\":\"Person\",\"owner\":\"EUROPOL\",\"birthPlace\":\""
                        .getBytes(StandardCharsets.UTF_8));
                byte[] block = new byte[1 << 20];
                Arrays.fill(block, (byte) 'x');
                for (int i = 0; i < 100; i++) {
                    o.write(block);
                }
                o.write("\"}\n".getBytes(StandardCharsets.UTF_8));
                o.write("{\"id\":\"L1\",\"type\":\"Person\",\"owner\":\"EUROPOL\",\"names\":[\"Jos\u00e9\"]}\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
                o.write("{\"id\":\"R4\",\"type\":\"Person\",\"owner\":\"EUROPOL\",\"names\":[\"Zhang Wei\"]}\n"
                        .getBytes(StandardCharsets.UTF_8));
            }
            Run first = run("import", "--data", data.toString(), f.toString());
            assertThat(first.exit()).isEqualTo(1);
            assertThat(first.out())
                    .contains("read 5, accepted 3, rejected 2")
                    .contains("stored: 3 new, 0 new versions, 0 unchanged")
                    .contains("line 3 error line_too_long")
                    .contains("line 4 error invalid_encoding");
            Run again = run("import", "--data", data.toString(), f.toString());
            assertThat(again.out()).contains("stored: 0 new, 0 new versions, 3 unchanged");

            Run shown = run("show", "--data", data.toString(), "--owner", "EUROPOL", "R4");
            assertThat(shown.exit()).isZero();
            assertThat(shown.out()).contains("\"Zhang Wei\"");
            assertThat(run("show", "--data", data.toString(), "--owner", "EUROPOL", "BIG")
                            .exit())
                    .isEqualTo(1);
        }

        @Test
        void aCsvFileIsImportedThroughItsMapping() throws IOException {
            Path mapping = file("m.json", """
                    {"type": "Person", "fields": {"id": {"column": "ref"}, "names/0/full": {"column": "name"},
                     "birthDate": {"column": "dob", "dateFormats": ["dd.MM.yyyy"]}}}""");
            Path csv = file("p.csv", "ref,name,dob\nA1,Ольга Иванова,07.03.1984\nA2,\"Smith, John\",31.02.1990\n");
            Run r = run(
                    "import",
                    "--data",
                    dir.resolve("csvnode").toString(),
                    "--owner",
                    "EUROPOL",
                    "--mapping",
                    mapping.toString(),
                    csv.toString());
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.out())
                    .contains("accepted 1, rejected 1")
                    .contains("line 3 [A2] error impossible_date at /birthDate");
        }
    }
}
