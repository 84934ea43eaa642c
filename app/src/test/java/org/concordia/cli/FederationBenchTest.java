package org.concordia.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.concordia.cli.CliTest.Run;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The federation benchmark runs end to end at a tiny size and prints its figures (their values are not checked). */
@Tag("federation")
class FederationBenchTest {
    @TempDir
    Path dir;

    @Test
    void runsATinyFederationAndPrintsLatencyThroughputRecallMemoryAndTheNoHitPathCost() {
        int base = DemoTest.freePortBase(2);
        Run r = CliTest.run(
                "bench",
                "federation",
                "--nodes",
                "2",
                "--people-per-node",
                "300",
                "--rate",
                "5",
                "--duration",
                "3",
                "--warmup",
                "1",
                "--probe",
                "20",
                "--port-base",
                "" + base,
                "--dir",
                dir.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("INTERPOL", "EUROPOL", "AMERIPOL is not a node")
                .containsPattern("load: [\\d.]+ s for 600 persons")
                .containsPattern("memory after load: JVM heap in use \\d+ MiB")
                .containsPattern("searches: 15 measured \\(\\d+ hit queries, \\d+ no-hit\\)")
                .containsPattern("achieved [\\d.]+ searches/s")
                .containsPattern("hit queries +\\d+ +[\\d.]+ +[\\d.]+ +[\\d.]+ +[\\d.]+")
                .containsPattern("no-hit queries +\\d+ +[\\d.]+ +[\\d.]+ +[\\d.]+ +[\\d.]+")
                .containsPattern("target p99 <= 150 ms at 5 searches/s: (met|MISSED)")
                .containsPattern("EUROPOL as a partner +\\d+ +\\d+")
                .contains("searches with a partner timeout: ")
                .containsPattern("recall: \\d+ of \\d+ \\(owner, person\\) pairs found")
                .containsPattern("peak JVM resident set -?\\d+ MiB")
                .contains("garbage collections during the measured run:")
                .contains("the no-hit path, one search at a time from INTERPOL")
                .containsPattern("20 no-hit searches in [\\d.]+ s, 0 failed")
                .containsPattern("CPU per search: JVM [\\d.]+ ms");
    }

    @Test
    void oneNodeIsWrongUsage() {
        Run r = CliTest.run("bench", "federation", "--nodes", "1", "--dir", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("invalid_value");
    }
}
