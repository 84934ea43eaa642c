package org.concordia.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.concordia.matching.Agreement;
import org.concordia.matching.FieldComparison;
import org.concordia.model.PersonName;
import org.concordia.normalize.NameNormalizer;
import org.concordia.problem.ErrorCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "compare-names",
        mixinStandardHelpOptions = true,
        description = {
            "Compares pairs of names, in any script and order (\"ABDULLAH, Muhammad\", \"Mohamed Abdallah\", محمد عبد الله).",
            "PAIRS.csv: a header with columns name1,name2 (other columns are ignored). SCORES.csv: name1,name2,score,match",
            "in input order; score in [0,1] (the name comparator's similarity), match 'true' when the names agree",
            "closely (same person's name with variants, typos, missing or extra parts) and 'false' otherwise.",
            "Exit 0 done; 1 some rows had an empty name (scored 0, match false); 2 unreadable input."
        })
final class CompareNamesCommand implements Callable<Integer> {
    @Option(names = "--input", required = true, paramLabel = "PAIRS.csv", description = "Pairs of names (UTF-8 CSV).")
    Path input;

    @Option(names = "--output", required = true, paramLabel = "SCORES.csv", description = "Where to write the scores.")
    Path output;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true)
                .get();
        int empty = 0;
        long rows = 0;
        LinkCommand.createParent(output);
        // written beside the output and moved into place at the end: a bad row leaves no half file
        Path partial = output.resolveSibling(output.getFileName() + ".partial");
        try (Reader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> header = parser.getHeaderNames();
            if (!header.contains("name1") || !header.contains("name2")) {
                err.println("error " + ErrorCode.MISSING_COLUMN.code() + ": " + input.getFileName()
                        + " needs the columns name1,name2");
                return ConcordiaCli.USAGE;
            }
            try (BufferedWriter w = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                w.write("name1,name2,score,match\n");
                for (CSVRecord r : parser) {
                    rows++;
                    String n1 = r.isSet("name1") ? r.get("name1") : "";
                    String n2 = r.isSet("name2") ? r.get("name2") : "";
                    double score = 0;
                    boolean match = false;
                    PersonName a = name(n1);
                    PersonName b = name(n2);
                    if (a == null || b == null) {
                        empty++;
                    } else {
                        FieldComparison c = Matching.names().compare(List.of(a), List.of(b));
                        score = c.similarity();
                        match = c.agreement() == Agreement.EXACT || c.agreement() == Agreement.CLOSE;
                    }
                    w.write(Csv.cell(n1) + "," + Csv.cell(n2) + "," + String.format(Locale.ROOT, "%.4f", score) + ","
                            + match + "\n");
                }
            }
            Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            err.println("error " + ErrorCode.UNREADABLE_INPUT.code() + ": " + input + " not found");
            return ConcordiaCli.USAGE;
        } catch (CharacterCodingException e) {
            err.println("error " + ErrorCode.INVALID_ENCODING.code() + ": " + input.getFileName() + " is not UTF-8");
            return ConcordiaCli.USAGE;
        } catch (UncheckedIOException | IllegalStateException e) {
            Throwable cause = e.getCause() instanceof CharacterCodingException ? e.getCause() : e;
            err.println(
                    cause instanceof CharacterCodingException
                            ? "error " + ErrorCode.INVALID_ENCODING.code() + ": " + input.getFileName()
                                    + " is not UTF-8"
                            : "error " + ErrorCode.INVALID_CSV.code() + ": " + input.getFileName() + " after row "
                                    + rows + " is not valid CSV");
            return ConcordiaCli.USAGE;
        } finally {
            Files.deleteIfExists(partial);
        }
        spec.commandLine()
                .getOut()
                .printf("%d pairs compared%s%n", rows, empty == 0 ? "" : ", " + empty + " with an empty name");
        return empty == 0 ? ConcordiaCli.OK : ConcordiaCli.PROBLEMS;
    }

    private static PersonName name(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            PersonName n = NameNormalizer.normalize(text, null, null, null);
            return n.normalized().coreTokens().isEmpty() ? null : n;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
