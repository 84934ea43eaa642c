package org.concordia.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class TermHasherTest {
    private static final byte[] SECRET = new byte[32];

    static {
        Arrays.fill(SECRET, (byte) 7);
    }

    private final TermHasher hasher = new TermHasher(SECRET);

    @Test
    void sameTermWrittenDifferentlyGivesTheSameValue() {
        assertThat(hasher.hash("  Ivan   PETROV ")).isEqualTo(hasher.hash("ivan petrov"));
        assertThat(hasher.hash("ＩＶＡＮ")).isEqualTo(hasher.hash("ivan")); // full-width forms, NFKC
        assertThat(hasher.hash("Иван")).isEqualTo(hasher.hash("ИВАН"));
        assertThat(hasher.hash("ivan")).isNotEqualTo(hasher.hash("ivan petrov"));
    }

    @Test
    void theValueIsHmacSha256OfTheNormalFormUnderTheNodeSecret() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal("ivan petrov".getBytes(StandardCharsets.UTF_8)));
        assertThat(hasher.hash("Ivan Petrov")).isEqualTo(expected).hasSize(64).doesNotContainIgnoringCase("ivan");
    }

    @Test
    void anotherNodeSecretGivesAnotherValue() {
        assertThat(new TermHasher(TermHasher.newSecret()).hash("ivan")).isNotEqualTo(hasher.hash("ivan"));
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> new TermHasher(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valuesAreAcceptedAsTermHashesOfAnEvent() {
        AuditEvent e = AuditEvent.of(AuditLogs.START, AuditAction.SEARCH, "u", "no-hit")
                .withTermHashes(java.util.List.of(hasher.hash("Ivan"), hasher.hash("1984-03-07")));
        assertThat(e.termHashes()).hasSize(2);
    }
}
