package org.concordia.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.concordia.channel.MessageStatus;
import org.concordia.model.ParticipantCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox as the delivery worker reads it, on the embedded PostgreSQL (migration V10's index). */
class MessageTablesTest {
    private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");
    private static final ParticipantCode SELF = new ParticipantCode("INTERPOL");
    private static final ParticipantCode EUROPOL = new ParticipantCode("EUROPOL");
    private static final ParticipantCode AFRIPOL = new ParticipantCode("AFRIPOL");
    private static final ParticipantCode GCCPOL = new ParticipantCode("GCCPOL");

    @TempDir
    static Path dir;

    private static NodeStorage storage;
    private static MessageTables tables;

    @BeforeAll
    static void open() {
        storage = NodeStorage.open(new NodeStorage.Location.Embedded(dir));
        tables = new MessageTables(storage.dataSource());
    }

    @AfterAll
    static void close() {
        storage.close();
    }

    private static UUID queue(ParticipantCode to, Instant at) {
        UUID id = UUID.randomUUID();
        tables.queue(
                new MessageTables.Stored(
                        id,
                        id,
                        "message",
                        MessageTables.Direction.OUT,
                        SELF,
                        to,
                        "amber",
                        "H1",
                        at,
                        new byte[12],
                        new byte[] {1, 2, 3},
                        new byte[] {4, 5, 6},
                        new byte[64],
                        MessageStatus.QUEUED,
                        at,
                        "officer",
                        null),
                at.plus(Duration.ofDays(1)));
        return id;
    }

    @Test
    void eachRecipientsEarliestAttemptAndOnlyItsOwnDueDeliveriesAreRead() {
        UUID europolFirst = queue(EUROPOL, T0);
        UUID europolSecond = queue(EUROPOL, T0.plusSeconds(1));
        UUID europolLater = queue(EUROPOL, T0.plusSeconds(60));
        UUID afripol = queue(AFRIPOL, T0.plusSeconds(2));
        queue(GCCPOL, T0.plusSeconds(30));

        assertThat(tables.nextAttempts())
                .containsEntry(EUROPOL, T0)
                .containsEntry(AFRIPOL, T0.plusSeconds(2))
                .containsEntry(GCCPOL, T0.plusSeconds(30))
                .hasSize(3);

        Instant now = T0.plusSeconds(5);
        assertThat(tables.due(EUROPOL, now, 10))
                .extracting(MessageTables.Due::message)
                .containsExactly(europolFirst, europolSecond);
        assertThat(tables.due(EUROPOL, now, 1))
                .extracting(MessageTables.Due::message)
                .containsExactly(europolFirst);
        assertThat(tables.due(AFRIPOL, now, 10))
                .extracting(MessageTables.Due::message)
                .containsExactly(afripol);
        assertThat(tables.due(GCCPOL, now, 10)).isEmpty();

        tables.delivered(tables.due(EUROPOL, now, 10), now);
        assertThat(tables.nextAttempts()).containsEntry(EUROPOL, T0.plusSeconds(60));
        assertThat(tables.due(EUROPOL, T0.plusSeconds(60), 10))
                .extracting(MessageTables.Due::message)
                .containsExactly(europolLater);
        tables.delivered(tables.due(EUROPOL, T0.plusSeconds(60), 10), now);
        assertThat(tables.nextAttempts()).doesNotContainKey(EUROPOL).containsKeys(AFRIPOL, GCCPOL);
    }
}
