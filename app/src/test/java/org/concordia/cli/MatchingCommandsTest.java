package org.concordia.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.concordia.cli.CliTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line contracts of link, screen and compare-names: headers, ids as given, exit codes. */
class MatchingCommandsTest {
    @TempDir
    Path dir;

    Path file(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    /** Generated people: several records per person across owners and scripts, with look-alikes. */
    Path generated(int people) throws IOException {
        Path out = dir.resolve("gen");
        assertThat(CliTest.run("generate", "--people", String.valueOf(people), "--seed", "5", "--out", out.toString())
                        .exit())
                .isZero();
        return out;
    }

    static Map<String, String> truth(Path gen) throws IOException {
        Map<String, String> personOf = new HashMap<>();
        for (String line : Files.readAllLines(gen.resolve("truth.csv"))
                .subList(1, Files.readAllLines(gen.resolve("truth.csv")).size())) {
            String[] c = line.split(",");
            personOf.put(c[0], c[1]);
        }
        return personOf;
    }

    @Test
    void linkWritesSameAndPossiblePairsAndClustersByRecordId() throws IOException {
        Path gen = generated(300);
        Path links = dir.resolve("out/links.csv");
        Path clusters = dir.resolve("out/clusters.csv");
        Run r = CliTest.run(
                "link",
                "--input",
                gen.resolve("records.ndjson").toString(),
                "--output",
                links.toString(),
                "--clusters",
                clusters.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> rows = Files.readAllLines(links);
        assertThat(rows.getFirst()).isEqualTo("id_a,id_b,score,state");
        Map<String, String> personOf = truth(gen);
        long same = 0;
        long right = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] c = row.split(",");
            assertThat(c).hasSize(4);
            assertThat(personOf).containsKeys(c[0], c[1]);
            assertThat(Double.parseDouble(c[2])).isBetween(0.0, 1.0);
            assertThat(c[3]).isIn("same", "possible");
            if (c[3].equals("same")) {
                same++;
                if (personOf.get(c[0]).equals(personOf.get(c[1]))) {
                    right++;
                }
            }
        }
        assertThat(same).isPositive();
        assertThat((double) right / same).as("precision of 'same'").isGreaterThan(0.9);
        List<String> cl = Files.readAllLines(clusters);
        assertThat(cl.getFirst()).isEqualTo("record_id,cluster_id");
        assertThat(cl).hasSize(personOf.size() + 1);
    }

    @Test
    void screenReturnsAtMostTopRowsPerQueryRankedFromOne() throws IOException {
        Path gen = generated(200);
        String first = Files.readAllLines(gen.resolve("records.ndjson")).getFirst();
        Path queries = file("q.ndjson", first.replaceFirst("\"id\":\"[^\"]+\"", "\"id\":\"Q1\"") + "\n");
        Path results = dir.resolve("results.csv");
        Run r = CliTest.run(
                "screen",
                "--index",
                gen.resolve("records.ndjson").toString(),
                "--queries",
                queries.toString(),
                "--top",
                "3",
                "--output",
                results.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> rows = Files.readAllLines(results);
        assertThat(rows.getFirst()).isEqualTo("query_id,rank,record_id,score");
        assertThat(rows).hasSizeBetween(2, 4);
        assertThat(rows.get(1)).startsWith("Q1,1,");
        String expectedId = first.replaceAll(".*?\"id\":\"([^\"]+)\".*", "$1");
        assertThat(rows.subList(1, rows.size())).anyMatch(row -> row.split(",")[2].equals(expectedId));
    }

    @Test
    void compareNamesKeepsInputOrderAndMatchesAcrossScriptsAndOrder() throws IOException {
        Path pairs = file(
                "pairs.csv",
                "id,name1,name2\n"
                        + "1,\"ABDULLAH, Muhammad\",Mohamed Abdallah\n"
                        + "2,محمد عبد الله,Mohamed Abdallah\n"
                        + "3,Иван Петров,Ivan Petrov\n"
                        + "4,John Smith,Maria Garcia\n");
        Path scores = dir.resolve("scores.csv");
        Run r = CliTest.run("compare-names", "--input", pairs.toString(), "--output", scores.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> rows = Files.readAllLines(scores);
        assertThat(rows).hasSize(5);
        assertThat(rows.getFirst()).isEqualTo("name1,name2,score,match");
        assertThat(rows.get(1))
                .startsWith("\"ABDULLAH, Muhammad\",Mohamed Abdallah,")
                .endsWith(",true");
        assertThat(rows.get(2)).startsWith("محمد عبد الله,Mohamed Abdallah,").endsWith(",true");
        assertThat(rows.get(3)).endsWith(",true");
        assertThat(rows.get(4)).startsWith("John Smith,Maria Garcia,").endsWith(",false");
        double unrelated = Double.parseDouble(rows.get(4).split(",")[2]);
        double related = Double.parseDouble(rows.get(3).split(",")[2]);
        assertThat(related).isGreaterThan(unrelated);
    }

    @Test
    void compareNamesWithoutTheColumnsIsWrongUsage() throws IOException {
        Path pairs = file("pairs.csv", "a,b\nx,y\n");
        Run r = CliTest.run(
                "compare-names",
                "--input",
                pairs.toString(),
                "--output",
                dir.resolve("s.csv").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("missing_column");
    }

    @Test
    void compareNamesWithABrokenRowLeavesNoOutput() throws IOException {
        Path pairs = file("pairs.csv", "name1,name2\nJohn Smith,Jon Smith\n\"unbalanced,quote\n");
        Path scores = dir.resolve("s.csv");
        Run r = CliTest.run("compare-names", "--input", pairs.toString(), "--output", scores.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("invalid_csv");
        assertThat(scores).doesNotExist();
        assertThat(dir.resolve("s.csv.partial")).doesNotExist();
    }

    @Test
    void linkOfAMissingFileIsWrongUsage() {
        Run r = CliTest.run(
                "link",
                "--input",
                dir.resolve("none.ndjson").toString(),
                "--output",
                dir.resolve("l.csv").toString());
        assertThat(r.exit()).isEqualTo(2);
    }
}
