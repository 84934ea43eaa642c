package org.concordia.matching.translit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrossScriptBenchmarkTest {
    /** The shared data set, from the core module or from the project root, or as -Dconcordia.datasets says. */
    private static Path datasetDir() {
        String configured = System.getProperty("concordia.datasets");
        List<Path> candidates = configured != null
                ? List.of(Path.of(configured).resolve(CrossScriptBenchmark.DATASET))
                : List.of(
                        Path.of("../../shared/datasets", CrossScriptBenchmark.DATASET),
                        Path.of("../shared/datasets", CrossScriptBenchmark.DATASET));
        return candidates.stream().filter(Files::isDirectory).findFirst().orElse(candidates.get(0));
    }

    @Test
    void withoutTheDataSetTheBenchmarkSaysItSkipped(@TempDir Path empty) {
        StringWriter text = new StringWriter();
        CrossScriptBenchmark.Result r = CrossScriptBenchmark.run(empty, new PrintWriter(text, true));
        assertThat(r.skipped()).isTrue();
        assertThat(text.toString()).startsWith("Skipped");
    }

    @Test
    void onASampleOfEachDevelopmentSliceTheBundledModelFindsMostNamesFirst() {
        Path dir = datasetDir();
        assumeTrue(
                CrossScriptBenchmark.present(dir),
                "Wikidata transliteration data set not found at " + dir.toAbsolutePath() + "; skipped");
        StringWriter text = new StringWriter();
        CrossScriptBenchmark.Result r =
                CrossScriptBenchmark.run(CrossScriptModel.bundled(), dir, new PrintWriter(text, true), 300);
        Map<String, Double> recall = r.scripts().stream()
                .collect(Collectors.toMap(
                        CrossScriptBenchmark.ScriptResult::script, CrossScriptBenchmark.ScriptResult::recallAt1));
        assertThat(recall).containsOnlyKeys("Arab", "Cyrl", "Hani", "Hebr", "Hang", "Kana");
        // 300 tokens a script: about +-2.5 points of sampling error around the full-slice figures.
        assertThat(recall.get("Arab")).as(text.toString()).isGreaterThan(0.82);
        assertThat(recall.get("Cyrl")).as(text.toString()).isGreaterThan(0.88);
        assertThat(recall.get("Hani")).as(text.toString()).isGreaterThan(0.60);
        assertThat(text.toString()).contains("recall@1", "queries/s");
    }
}
