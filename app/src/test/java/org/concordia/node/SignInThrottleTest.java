package org.concordia.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final SignInThrottle throttle = new SignInThrottle(now::get);

    private void minutes(long m) {
        now.addAndGet(m * 60 * 1_000_000_000L);
    }

    private void fail(String name) {
        assertThat(throttle.tryBegin(name)).isTrue();
        throttle.end(name, false);
    }

    @Test
    void fiveFailuresWithinFifteenMinutesStopTheNameUntilTheOldestLeavesTheWindow() {
        for (int i = 0; i < SignInThrottle.LIMIT - 1; i++) {
            fail("officer");
            minutes(1);
        }
        assertThat(throttle.waitSeconds("officer")).isZero();
        fail("officer");
        assertThat(throttle.tryBegin("officer")).isFalse();
        assertThat(throttle.waitSeconds("officer")).isEqualTo(11 * 60); // the first failure was 4 minutes ago
        assertThat(throttle.tryBegin("OFFICER"))
                .as("names compared without case")
                .isFalse();
        assertThat(throttle.tryBegin("analyst")).as("other names unaffected").isTrue();
        minutes(11);
        assertThat(throttle.tryBegin("officer")).isTrue();
    }

    @Test
    void parallelAttemptsAreReservedBeforeTheirChecksSoNoMoreThanTheLimitRun() {
        for (int i = 0; i < SignInThrottle.LIMIT; i++) {
            assertThat(throttle.tryBegin("officer")).isTrue();
        }
        assertThat(throttle.tryBegin("officer"))
                .as("a sixth while five are being checked")
                .isFalse();
        throttle.end("officer", true);
        assertThat(throttle.tryBegin("officer")).isTrue();
    }

    @Test
    void aBurstBeyondTheLimitWaitsForAttemptsInFlightInsteadOfBeingRefused() throws Exception {
        for (int i = 0; i < SignInThrottle.LIMIT; i++) {
            assertThat(throttle.tryBegin("officer")).isTrue();
        }
        java.util.concurrent.CompletableFuture<Boolean> sixth =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        return throttle.begin("officer", 10_000_000_000L);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
        Thread.sleep(100);
        assertThat(sixth).isNotDone();
        throttle.end("officer", true);
        assertThat(sixth.get(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aNameAtItsLimitOfFailuresIsRefusedAtOnceEvenWhenWaitingIsAllowed() throws Exception {
        for (int i = 0; i < SignInThrottle.LIMIT; i++) {
            fail("officer");
        }
        long t = System.nanoTime();
        assertThat(throttle.begin("officer", 10_000_000_000L)).isFalse();
        assertThat(System.nanoTime() - t).isLessThan(5_000_000_000L);
    }

    @Test
    void aSuccessfulSignInClearsTheFailuresAndUnknownNamesAreCountedAlike() {
        for (int i = 0; i < SignInThrottle.LIMIT - 1; i++) {
            fail("officer");
            fail("no-such-user");
        }
        assertThat(throttle.tryBegin("officer")).isTrue();
        throttle.end("officer", true);
        fail("officer");
        fail("no-such-user");
        assertThat(throttle.waitSeconds("officer")).isZero();
        assertThat(throttle.tryBegin("no-such-user")).isFalse();
    }

    @Test
    void aFloodOfOtherNamesDoesNotForgetANameWithinItsWindow() {
        for (int i = 0; i < SignInThrottle.LIMIT; i++) {
            fail("officer");
        }
        minutes(1);
        for (int i = 0; i < 2_000; i++) {
            fail("made-up-" + i); // fewer than NAMES: nothing to make room for, nothing forgotten
        }
        assertThat(throttle.tryBegin("officer")).isFalse();
        minutes(15);
        assertThat(throttle.tryBegin("officer")).isTrue();
    }
}
