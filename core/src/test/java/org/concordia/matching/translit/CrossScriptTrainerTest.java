package org.concordia.matching.translit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrossScriptTrainerTest {
    private static final String LATIN = "bdfgklmnprstvz";
    private static final String CYRILLIC = "бдфгклмнпрствз";
    private static final String VOWELS = "aeiou";
    private static final String CYRILLIC_VOWELS = "аеиоу";

    /** Synthetic pairs: CV syllables written letter for letter, and "sh" as one letter. */
    private static List<String> syntheticPairs(int count) {
        Random random = new Random(1);
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            StringBuilder latin = new StringBuilder();
            StringBuilder cyr = new StringBuilder();
            int syllables = 2 + random.nextInt(3);
            for (int s = 0; s < syllables; s++) {
                if (random.nextInt(6) == 0) {
                    latin.append("sh");
                    cyr.append('ш');
                } else {
                    int c = random.nextInt(LATIN.length());
                    latin.append(LATIN.charAt(c));
                    cyr.append(CYRILLIC.charAt(c));
                }
                int v = random.nextInt(VOWELS.length());
                latin.append(VOWELS.charAt(v));
                cyr.append(CYRILLIC_VOWELS.charAt(v));
            }
            rows.add(latin + "\t" + String.join(" ", cyr.toString().split("")) + "\t1");
        }
        return rows;
    }

    @Test
    void aModelTrainedOnATrainingSliceIsWrittenAndReadBackAndLearnsTheCorrespondences(@TempDir Path dir)
            throws IOException {
        Files.write(dir.resolve("wd_russian_64.tsv"), syntheticPairs(400), StandardCharsets.UTF_8);
        Path resource = dir.resolve("out/model.bin.gz");

        CrossScriptTrainer.train(dir, resource);

        CrossScriptModel model;
        try (InputStream in = Files.newInputStream(resource)) {
            model = CrossScriptModel.load(in);
        }
        assertThat(model.scripts()).containsExactly("Cyrl");
        assertThat(model.covers("Arab")).isFalse();
        assertThat(model.latinCandidates("Шабадо", "Cyrl", 3).get(0).latin()).isEqualTo("shabado");
        assertThat(model.score("шабадо", "shabado", "Cyrl")).isGreaterThan(model.score("шабадо", "kilomu", "Cyrl"));
    }
}
