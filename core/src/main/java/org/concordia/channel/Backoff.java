package org.concordia.channel;

import java.time.Duration;
import java.util.Objects;

/**
 * When to try a delivery again: capped exponential backoff with "full jitter" (M. Brooker, "Exponential
 * Backoff And Jitter", AWS Architecture Blog, 2015): before attempt {@code n + 1} wait a uniformly random
 * time between zero and {@code min(max, first · 2^n)}, so many senders retrying a recipient that comes
 * back do not all arrive at once.
 *
 * @param first the cap of the wait after the first failed attempt
 * @param max the cap of every wait
 */
public record Backoff(Duration first, Duration max) {
    /** 1 second after the first failure, then doubling, never more than 10 minutes. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(10));

    public Backoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(max, "max");
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < first <= max");
        }
    }

    /**
     * The wait after {@code failures} failed attempts (1 or more).
     *
     * @param uniform a random number in [0, 1)
     */
    public Duration delay(int failures, double uniform) {
        if (failures < 1 || uniform < 0 || uniform >= 1) {
            throw new IllegalArgumentException("failures >= 1 and uniform in [0, 1)");
        }
        long cap = first.toMillis();
        for (int i = 1; i < failures && cap < max.toMillis(); i++) {
            cap *= 2;
        }
        cap = Math.min(cap, max.toMillis());
        return Duration.ofMillis((long) (cap * uniform));
    }
}
