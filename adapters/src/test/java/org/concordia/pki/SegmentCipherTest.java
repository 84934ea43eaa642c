package org.concordia.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SegmentCipherTest {
    private final SegmentCipher cipher = SegmentCipher.generate();
    private final byte[] text = "segment of an attachment".getBytes(StandardCharsets.UTF_8);

    @Test
    void aSegmentOpensOnlyAtItsPlaceAndWithItsLastFlag() {
        byte[] s = cipher.seal(3, false, text, 0, text.length);
        assertThat(s).hasSize(text.length + SegmentCipher.TAG);
        assertThat(cipher.open(3, false, s))
                .hasValueSatisfying(p -> assertThat(p).isEqualTo(text));
        assertThat(cipher.open(4, false, s)).as("moved").isEmpty();
        assertThat(cipher.open(3, true, s)).as("stream cut short here").isEmpty();
        assertThat(SegmentCipher.generate().open(3, false, s))
                .as("another attachment's key")
                .isEmpty();
        s[0] ^= 1;
        assertThat(cipher.open(3, false, s)).as("altered").isEmpty();
    }

    @Test
    void theKeyAndPrefixTravelAsThirtyNineBytes() {
        assertThat(cipher.encoded()).hasSize(39);
        assertThat(SegmentCipher.decode(cipher.encoded())).isEqualTo(cipher);
        assertThat(cipher.toString()).doesNotContain("key=");
    }
}
