package org.concordia.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concordia.pki.TestFederation.EUROPOL;
import static org.concordia.pki.TestFederation.INTERPOL;
import static org.concordia.pki.TestFederation.NOW;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.concordia.model.ParticipantCode;
import org.concordia.pki.ReplayGuard.Outcome;
import org.junit.jupiter.api.Test;

class ReplayGuardTest {
    final ReplayGuard guard = new ReplayGuard(Duration.ofMinutes(5), 3);

    @Test
    void aNonceIsAcceptedOncePerSender() {
        assertThat(guard.record(INTERPOL, "n1", NOW, NOW)).isEqualTo(Outcome.FIRST_USE);
        assertThat(guard.record(INTERPOL, "n1", NOW, NOW.plusSeconds(10))).isEqualTo(Outcome.REPLAYED);
        assertThat(guard.record(EUROPOL, "n1", NOW, NOW)).isEqualTo(Outcome.FIRST_USE);
    }

    @Test
    void aNonceIsForgottenOnceItsRequestWouldBeStale() {
        guard.record(INTERPOL, "n1", NOW, NOW);
        assertThat(guard.record(INTERPOL, "n1", NOW, NOW.plus(Duration.ofMinutes(5))))
                .isEqualTo(Outcome.REPLAYED);
        assertThat(guard.record(
                        INTERPOL, "n2", NOW, NOW.plus(Duration.ofMinutes(5)).plusSeconds(1)))
                .isEqualTo(Outcome.FIRST_USE);
        assertThat(guard.size()).isEqualTo(1);
    }

    @Test
    void whenFullNewNoncesAreRefusedRatherThanUnexpiredOnesForgotten() {
        guard.record(INTERPOL, "a", NOW, NOW);
        guard.record(INTERPOL, "b", NOW, NOW);
        guard.record(INTERPOL, "c", NOW, NOW);
        assertThat(guard.record(INTERPOL, "d", NOW, NOW)).isEqualTo(Outcome.FULL);
        assertThat(guard.record(INTERPOL, "a", NOW, NOW)).isEqualTo(Outcome.REPLAYED);
        assertThat(guard.record(INTERPOL, "d", NOW, NOW.plus(Duration.ofMinutes(6))))
                .isEqualTo(Outcome.FIRST_USE);
    }

    @Test
    void aSenderThatFillsItsQuotaDoesNotLockOtherSendersOut() {
        ParticipantCode afripol = new ParticipantCode("AFRIPOL");
        for (String n : List.of("a", "b", "c")) {
            guard.record(INTERPOL, n, NOW, NOW);
        }
        assertThat(guard.record(INTERPOL, "d", NOW, NOW)).isEqualTo(Outcome.FULL);
        assertThat(guard.record(afripol, "a", NOW, NOW)).isEqualTo(Outcome.FIRST_USE);
        assertThat(guard.record(afripol, "a", NOW, NOW)).isEqualTo(Outcome.REPLAYED);
        // once INTERPOL's nonces expire its quota is free again, AFRIPOL's too
        Instant later = NOW.plus(Duration.ofMinutes(6));
        assertThat(guard.record(INTERPOL, "e", later, later)).isEqualTo(Outcome.FIRST_USE);
        assertThat(guard.size()).isEqualTo(1);
    }

    @Test
    void concurrentDeliveriesOfOneNonceAreAcceptedOnce() throws Exception {
        ReplayGuard big = new ReplayGuard(Duration.ofMinutes(5), 10_000);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Outcome>> tasks = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                tasks.add(() -> big.record(INTERPOL, "same", NOW, NOW));
            }
            long first = 0;
            for (Future<Outcome> f : pool.invokeAll(tasks)) {
                if (f.get() == Outcome.FIRST_USE) {
                    first++;
                }
            }
            assertThat(first).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
