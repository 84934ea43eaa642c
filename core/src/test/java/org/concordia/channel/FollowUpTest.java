package org.concordia.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.concordia.model.ParticipantCode;
import org.concordia.problem.ErrorCode;
import org.junit.jupiter.api.Test;

class FollowUpTest {
    private static final Instant T = Instant.parse("2026-11-30T08:00:00Z");
    private final FollowUp request = FollowUp.requested(
            UUID.randomUUID(),
            false,
            new ParticipantCode("INTERPOL"),
            "ref-abcdefghijklmnop",
            "criminal-investigation",
            Urgency.URGENT,
            T,
            Duration.ofHours(8));

    @Test
    void aRequestIsDueItsDeadlineAfterItWasMadeAndOverdueOnlyAfterThatWhileUndecided() {
        assertThat(request.dueAt()).isEqualTo(T.plus(Duration.ofHours(8)));
        assertThat(request.isOverdue(T.plus(Duration.ofHours(8)))).isFalse();
        assertThat(request.isOverdue(T.plus(Duration.ofHours(8)).plusSeconds(1)))
                .isTrue();
        FollowUp approved = ((FollowUp.Decided.Done) request.decide(FollowUp.State.APPROVED)).followUp();
        assertThat(approved.isOverdue(T.plus(Duration.ofDays(9)))).isFalse();
    }

    @Test
    void aRequestIsDecidedOnceAndAnOverdueOneCanStillBeDecided() {
        assertThat(request.decide(FollowUp.State.REFUSED)).isInstanceOf(FollowUp.Decided.Done.class);
        FollowUp refused = ((FollowUp.Decided.Done) request.decide(FollowUp.State.REFUSED)).followUp();
        assertThat(refused.state()).isEqualTo(FollowUp.State.REFUSED);
        assertThat(refused.decide(FollowUp.State.APPROVED))
                .isEqualTo(new FollowUp.Decided.Refused(ErrorCode.FOLLOW_UP_CLOSED));
    }

    @Test
    void urgenciesAndStatesReadTheirWireNames() {
        assertThat(Urgency.parse("urgent")).contains(Urgency.URGENT);
        assertThat(Urgency.parse("URGENT")).isEmpty();
        assertThat(FollowUp.State.parse("approved")).contains(FollowUp.State.APPROVED);
    }
}
