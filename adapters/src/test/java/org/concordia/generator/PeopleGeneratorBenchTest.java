package org.concordia.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * How long generating a million people takes, written to disk. Runs only when asked: {@code ./mvnw
 * -pl core,adapters -am test -Dtest=PeopleGeneratorBenchTest -Dconcordia.bench=true
 * -Dsurefire.failIfNoSpecifiedTests=false}; prints its figures, asserts no timing.
 */
@Tag("bench")
@EnabledIfSystemProperty(named = "concordia.bench", matches = "true")
class PeopleGeneratorBenchTest {
    @Test
    void generatesAMillionPeopleToDisk(@TempDir Path dir) throws IOException {
        int people = Integer.getInteger("concordia.bench.people", 1_000_000);
        long start = System.nanoTime();
        GenerationSummary s = new PeopleGenerator(2024).write(people, dir);
        double seconds = (System.nanoTime() - start) / 1e9;
        long bytes = Files.size(dir.resolve(PeopleGenerator.RECORDS_FILE));
        System.out.printf(
                "generator: %,d people, %,d records, %,d look-alike pairs, %.0f MB of NDJSON in %.1f s (%,.0f records/s)%n",
                s.people(), s.records(), s.lookalikePairs(), bytes / 1e6, seconds, s.records() / seconds);
        assertThat(s.people()).isEqualTo(people);
    }
}
