package org.concordia.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.concordia.model.ParticipantCode;
import org.junit.jupiter.api.Test;

class DirectoryTest {
    static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    static final String PEM = "-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----\n";

    static Participant entry(String code) {
        return new Participant(
                new ParticipantCode(code), code, "", URI.create("https://127.0.0.1:8443"), PEM, Set.of("search"));
    }

    @Test
    void findsAListedParticipantAndNoOther() {
        Directory d = new Directory(1, T0, Optional.empty(), List.of(entry("EUROPOL")), Set.of());
        assertThat(d.participant(new ParticipantCode("EUROPOL"))).isPresent();
        assertThat(d.participant(new ParticipantCode("AFRIPOL"))).isEmpty();
    }

    @Test
    void refusesAParticipantListedTwice() {
        assertThatThrownBy(() ->
                        new Directory(1, T0, Optional.empty(), List.of(entry("EUROPOL"), entry("EUROPOL")), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAnEndpointThatIsNotHttps() {
        assertThatThrownBy(() -> new Participant(
                        new ParticipantCode("EUROPOL"), "E", "", URI.create("http://h:1"), PEM, Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void comparesRevokedSerialsWhateverTheirCaseAndLeadingZeros() {
        Directory d = new Directory(1, T0, Optional.empty(), List.of(), Set.of("abc1"));
        assertThat(d.isRevoked("00ABC1")).isTrue();
        assertThat(d.isRevoked("abc2")).isFalse();
        assertThatThrownBy(() -> new Directory(1, T0, Optional.empty(), List.of(), Set.of("0abc")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reissuingRaisesTheSerialAndKeepsTheValidityPeriodsLength() {
        Directory d =
                new Directory(1, T0, Optional.of(T0.plus(Duration.ofDays(30))), List.of(entry("EUROPOL")), Set.of());
        Instant later = T0.plus(Duration.ofDays(3));
        Directory added = d.with(entry("AFRIPOL"), 2, later);
        assertThat(added.serial()).isEqualTo(2);
        assertThat(added.participants()).hasSize(2);
        assertThat(added.validUntil()).contains(later.plus(Duration.ofDays(30)));
        Directory revoked = added.revoking("0F", 3, later);
        assertThat(revoked.isRevoked("f")).isTrue();
        assertThat(d.with(entry("EUROPOL"), 2, later).participants()).hasSize(1);
    }

    @Test
    void expiresAtValidUntil() {
        Directory d = new Directory(1, T0, Optional.of(T0.plusSeconds(60)), List.of(), Set.of());
        assertThat(d.isCurrentAt(T0.plusSeconds(59))).isTrue();
        assertThat(d.isCurrentAt(T0.plusSeconds(60))).isFalse();
        assertThat(new Directory(1, T0, Optional.empty(), List.of(), Set.of()).isCurrentAt(Instant.MAX))
                .isTrue();
    }
}
