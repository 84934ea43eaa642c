package org.concordia.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a benchmark report says of the collections during its measured run. */
class GcActivityTest {
    @Test
    void eachCollectorIsCountedWithItsLongestTotalAndCauses() {
        List<GcActivity.Event> events = List.of(
                new GcActivity.Event("G1 Young Generation", "G1 Evacuation Pause", 40),
                new GcActivity.Event("G1 Young Generation", "CodeCache GC Threshold", 117),
                new GcActivity.Event("G1 Young Generation", "G1 Evacuation Pause", 22),
                new GcActivity.Event("G1 Concurrent GC", "CodeCache GC Threshold", 7398));

        assertThat(GcActivity.summary(events))
                .containsExactly(
                        "G1 Concurrent GC: 1, longest 7398 ms, total 7398 ms (CodeCache GC Threshold 1)",
                        "G1 Young Generation: 3, longest 117 ms, total 179 ms"
                                + " (CodeCache GC Threshold 1, G1 Evacuation Pause 2)");
    }

    @Test
    void collectionsOfThisJvmAreRecordedUntilClosed() {
        List<GcActivity.Event> seen;
        try (GcActivity gc = GcActivity.start()) {
            System.gc();
            long until = System.nanoTime() + 5_000_000_000L;
            while (gc.events().stream().noneMatch(e -> e.cause().equals("System.gc()")) && System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            seen = gc.events();
        }
        assertThat(seen).extracting(GcActivity.Event::cause).contains("System.gc()");
    }
}
