package org.concordia.matching.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The threshold of the learned model holds on a sample of the Wikidata development slices (skipped
 * when the data set is absent). 200 pairs a script: about ±3 points of sampling error around the
 * figures of a full run.
 */
class LearnedTransliterationEvaluationTest {
    /** The shared data set, from the core module or from the project root, or as -Dconcordia.datasets says. */
    private static Path datasetDir() {
        String configured = System.getProperty("concordia.datasets");
        List<Path> candidates = configured != null
                ? List.of(Path.of(configured).resolve("wikidata_name_transliteration"))
                : List.of(
                        Path.of("../../shared/datasets/wikidata_name_transliteration"),
                        Path.of("../shared/datasets/wikidata_name_transliteration"));
        return candidates.stream().filter(Files::isDirectory).findFirst().orElse(candidates.get(0));
    }

    @Test
    void atTheChosenThresholdTheModelAcceptsMuchMoreOfTheRightNamesAndHardlyMoreWrongOnes() {
        Path dir = datasetDir();
        assumeTrue(
                LearnedTransliterationEvaluation.present(dir),
                "Wikidata transliteration data set not found at " + dir.toAbsolutePath() + "; skipped");
        List<LearnedTransliterationEvaluation.Rates> rates = LearnedTransliterationEvaluation.run(dir, 200);
        StringWriter table = new StringWriter();
        LearnedTransliterationEvaluation.print(rates, new PrintWriter(table, true));
        int chosen = 1 + indexOf(LearnedTransliteration.THRESHOLD);
        assertThat(rates).hasSize(6);
        for (LearnedTransliterationEvaluation.Rates r : rates) {
            assertThat(r.trueAccept()[chosen]).as(table.toString()).isGreaterThan(0.55);
            assertThat(r.trueAccept()[chosen] - r.trueAccept()[0])
                    .as(table.toString())
                    .isGreaterThan(0.10);
            assertThat(r.randomAccept()[chosen]).as(table.toString()).isLessThanOrEqualTo(0.01);
            assertThat(r.nearestAccept()[chosen] - r.nearestAccept()[0])
                    .as(table.toString())
                    .isLessThanOrEqualTo(0.02);
        }
    }

    private static int indexOf(double threshold) {
        double[] t = LearnedTransliterationEvaluation.THRESHOLDS;
        for (int i = 0; i < t.length; i++) {
            if (t[i] == threshold) {
                return i;
            }
        }
        throw new AssertionError("the chosen threshold is not among those measured");
    }
}
