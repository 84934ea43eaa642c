package org.concordia.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(10));

    @Test
    void theCapDoublesWithEachFailureUpToTheMaximum() {
        double almostOne = Math.nextDown(1.0);
        assertThat(backoff.delay(1, almostOne)).isBetween(Duration.ofMillis(990), Duration.ofSeconds(1));
        assertThat(backoff.delay(2, almostOne)).isBetween(Duration.ofMillis(1990), Duration.ofSeconds(2));
        assertThat(backoff.delay(4, almostOne)).isBetween(Duration.ofMillis(7990), Duration.ofSeconds(8));
        assertThat(backoff.delay(10, almostOne)).isBetween(Duration.ofSeconds(511), Duration.ofSeconds(512));
        assertThat(backoff.delay(11, almostOne)).isBetween(Duration.ofSeconds(599), Duration.ofMinutes(10));
        assertThat(backoff.delay(1_000_000, almostOne)).isLessThanOrEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void theWaitIsAUniformShareOfTheCapSoRetriesSpreadOut() {
        assertThat(backoff.delay(4, 0.0)).isEqualTo(Duration.ZERO);
        assertThat(backoff.delay(4, 0.5)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> backoff.delay(0, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> backoff.delay(1, 1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
