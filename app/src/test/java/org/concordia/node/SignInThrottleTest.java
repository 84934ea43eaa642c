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

    @Test
    void fiveFailuresWithinFifteenMinutesStopTheNameUntilTheOldestLeavesTheWindow() {
        for (int i = 0; i < SignInThrottle.LIMIT - 1; i++) {
            throttle.failed("officer");
            minutes(1);
        }
        assertThat(throttle.waitSeconds("officer")).isZero();
        throttle.failed("officer");
        assertThat(throttle.waitSeconds("officer")).isEqualTo(11 * 60); // the first failure was 4 minutes ago
        assertThat(throttle.waitSeconds("OFFICER"))
                .as("names compared without case")
                .isPositive();
        assertThat(throttle.waitSeconds("analyst")).as("other names unaffected").isZero();
        minutes(11);
        assertThat(throttle.waitSeconds("officer")).isZero();
    }

    @Test
    void aSuccessfulSignInClearsTheFailuresAndUnknownNamesAreCountedAlike() {
        for (int i = 0; i < SignInThrottle.LIMIT - 1; i++) {
            throttle.failed("officer");
            throttle.failed("no-such-user");
        }
        throttle.succeeded("officer");
        throttle.failed("officer");
        throttle.failed("no-such-user");
        assertThat(throttle.waitSeconds("officer")).isZero();
        assertThat(throttle.waitSeconds("no-such-user")).isPositive();
    }
}
