package org.concordia.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MessageIdsTest {
    @Test
    void anIdIsAVersion7UuidOfRfc9562CarryingItsMillisecond() {
        Instant at = Instant.parse("2026-11-30T10:15:30.123Z");
        UUID id = MessageIds.next(at);
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(MessageIds.instantOf(id)).isEqualTo(at);
        assertThat(id.toString())
                .startsWith(String.format("%012x", at.toEpochMilli()).substring(0, 8));
    }

    @Test
    void idsOfLaterMillisecondsSortLaterAndIdsDoNotRepeat() {
        Instant t = Instant.parse("2026-11-30T10:15:30Z");
        assertThat(MessageIds.next(t).toString())
                .isLessThan(MessageIds.next(t.plusMillis(1)).toString());
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            assertThat(seen.add(MessageIds.next(t))).isTrue();
        }
    }
}
