package org.concordia.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.concordia.model.HandlingCode;
import org.concordia.model.ParticipantCode;
import org.concordia.model.TlpLabel;
import org.junit.jupiter.api.Test;

class MessageEnvelopeTest {
    private static final ParticipantCode A = new ParticipantCode("INTERPOL");
    private static final ParticipantCode B = new ParticipantCode("EUROPOL");
    private static final UUID ID = UUID.fromString("0190b1d2-0000-7000-8000-000000000001");

    @Test
    void theHpkeInfoNamesFormatIdAndRouteSoAContentCannotMoveToAnotherMessage() {
        assertThat(new String(MessageEnvelope.info(ID, A, B)))
                .isEqualTo("concordia-message/1|" + ID + "|INTERPOL|EUROPOL");
        assertThat(MessageEnvelope.info(ID, A, B)).isNotEqualTo(MessageEnvelope.info(ID, B, A));
    }

    @Test
    void theAadCoversTheClearFieldsItIsReadUnder() {
        Instant t = Instant.parse("2026-11-30T10:15:30.123456789Z");
        byte[] amber = MessageEnvelope.aad(ID, MessageKind.MESSAGE, t, TlpLabel.AMBER, HandlingCode.H0);
        assertThat(amber)
                .isNotEqualTo(MessageEnvelope.aad(ID, MessageKind.MESSAGE, t, TlpLabel.CLEAR, HandlingCode.H0))
                .isNotEqualTo(MessageEnvelope.aad(ID, MessageKind.MESSAGE, t, TlpLabel.AMBER, HandlingCode.H2))
                .isEqualTo(MessageEnvelope.aad(
                        ID,
                        MessageKind.MESSAGE,
                        Instant.parse("2026-11-30T10:15:30.123456Z"),
                        TlpLabel.AMBER,
                        HandlingCode.H0));
    }

    @Test
    void aMessageToItsOwnSenderIsRefused() {
        assertThatThrownBy(() -> new MessageEnvelope(
                        ID,
                        ID,
                        MessageKind.MESSAGE,
                        A,
                        A,
                        Instant.now(),
                        TlpLabel.AMBER,
                        HandlingCode.H0,
                        new byte[32],
                        new byte[16]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aContentKeepsItsBoundsAndNeverPrintsItself() {
        assertThatThrownBy(() -> new MessageContent(" ", "b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MessageContent("a\nb", "b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MessageContent("s", "x".repeat(MessageContent.MAX_BODY + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new MessageContent("Secret subject", "body").toString()).doesNotContain("Secret");
    }
}
