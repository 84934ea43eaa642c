package org.concordia.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.crypto.hpke.HPKE;
import org.junit.jupiter.api.Test;

class SealingTest {
    private static final HexFormat HEX = HexFormat.of();

    /**
     * RFC 9180 appendix A.1 (DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-128-GCM, base mode): the
     * recipient's key derived from ikmR, and the first message (sequence 0) sealed to it.
     */
    static final class A1 {
        static final byte[] IKM_R = HEX.parseHex("6db9df30aa07dd42ee5e8181afdb977e538f5e1fec8a06223f33f7013e525037");
        static final String PK_R = "3948cfe0ad1ddb695d780e59077195da6c56506b027329794ab02bca80815c4d";
        static final String SK_R = "4612c550263fc8ad58375df3f557aac531d26850903e55a9f23f21d8534e8ac8";
        static final byte[] ENC = HEX.parseHex("37fda3567bdbd628e88668c3c8d7e97d1d1253b6d4ea6d44c150f741f1bf4431");
        static final byte[] INFO = HEX.parseHex("4f6465206f6e2061204772656369616e2055726e");
        static final byte[] AAD = HEX.parseHex("436f756e742d30");
        static final byte[] PT = HEX.parseHex("4265617574792069732074727574682c20747275746820626561757479");
        static final byte[] CT = HEX.parseHex(
                "f938558b5d72f1a23810b4be2ab4f84331acc02fc97babc53a52ae8218a355a9" + "6d8770ac83d07bea87e13c512a");
    }

    private static final byte[] INFO = "concordia-message|INTERPOL|EUROPOL|m-1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] AAD = "envelope".getBytes(StandardCharsets.UTF_8);

    @Test
    void theRecipientOfRfc9180AppendixA1DerivesItsKeyAndOpensTheFirstMessage() {
        Sealing aes128 = new Sealing(HPKE.aead_AES_GCM128);
        Sealing.EncryptionKeys recipient = aes128.derive(A1.IKM_R);
        assertThat(HEX.formatHex(recipient.publicKey())).isEqualTo(A1.PK_R);
        // the same scalar, stored clamped as RFC 7748 section 5 decodes it
        byte[] clamped = HEX.parseHex(A1.SK_R);
        clamped[0] &= (byte) 248;
        clamped[31] = (byte) ((clamped[31] & 127) | 64);
        assertThat(recipient.privateKey()).isEqualTo(clamped);

        assertThat(aes128.open(recipient, new Sealing.Sealed(A1.ENC, A1.CT), A1.INFO, A1.AAD))
                .hasValueSatisfying(pt -> assertThat(pt).isEqualTo(A1.PT));
    }

    @Test
    void aLocalSealOpensOnlyWithTheSameKeysInfoAndAad() {
        Sealing sealing = Sealing.standard();
        Sealing.EncryptionKeys self = sealing.newKeys();
        byte[] pt = "the sender's own copy".getBytes(StandardCharsets.UTF_8);
        Sealing.Sealed s = sealing.sealLocal(self, INFO, AAD, pt);
        assertThat(s.enc()).hasSize(Sealing.LOCAL_NONCE_LENGTH);
        assertThat(new String(s.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("own copy");
        assertThat(sealing.openLocal(self, s, INFO, AAD))
                .hasValueSatisfying(p -> assertThat(p).isEqualTo(pt));
        assertThat(sealing.openLocal(sealing.newKeys(), s, INFO, AAD)).isEmpty();
        assertThat(sealing.openLocal(self, s, "other".getBytes(StandardCharsets.UTF_8), AAD))
                .isEmpty();
        assertThat(sealing.openLocal(self, s, INFO, "other".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(sealing.sealLocal(self, INFO, AAD, pt))
                .as("a fresh nonce each time")
                .isNotEqualTo(s);
    }

    @Test
    void aPrivateKeyGivesItsPublicKeyAsRfc9180AppendixA1ListsIt() {
        Sealing.EncryptionKeys k = Sealing.standard().fromPrivate(HEX.parseHex(A1.SK_R));
        assertThat(HEX.formatHex(k.publicKey())).isEqualTo(A1.PK_R);
    }

    @Test
    void aSealedMessageOpensOnlyForItsRecipientWithItsInfoAndAad() {
        Sealing sealing = Sealing.standard();
        Sealing.EncryptionKeys europol = sealing.newKeys();
        Sealing.EncryptionKeys afripol = sealing.newKeys();
        byte[] body = "case thread 17: the suspect travelled on 3 May".getBytes(StandardCharsets.UTF_8);

        Sealing.Sealed sealed = sealing.seal(europol.publicKey(), INFO, AAD, body);

        assertThat(sealed.enc()).hasSize(Sealing.KEY_LENGTH);
        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("suspect");
        assertThat(sealing.open(europol, sealed, INFO, AAD))
                .hasValueSatisfying(pt -> assertThat(pt).isEqualTo(body));
        assertThat(sealing.open(afripol, sealed, INFO, AAD))
                .as("another participant")
                .isEmpty();
        assertThat(sealing.open(europol, sealed, "concordia-message|INTERPOL|EUROPOL|m-2".getBytes(), AAD))
                .as("moved into another message")
                .isEmpty();
        assertThat(sealing.open(europol, sealed, INFO, "other".getBytes()))
                .as("other clear fields")
                .isEmpty();
    }

    @Test
    void aTamperedCiphertextOrEncapsulatedKeyDoesNotOpen() {
        Sealing sealing = Sealing.standard();
        Sealing.EncryptionKeys europol = sealing.newKeys();
        Sealing.Sealed sealed = sealing.seal(europol.publicKey(), INFO, AAD, new byte[] {1, 2, 3});

        byte[] ct = sealed.ciphertext();
        ct[0] ^= 1;
        assertThat(sealing.open(europol, new Sealing.Sealed(sealed.enc(), ct), INFO, AAD))
                .isEmpty();
        byte[] enc = sealed.enc();
        enc[5] ^= 1;
        assertThat(sealing.open(europol, new Sealing.Sealed(enc, sealed.ciphertext()), INFO, AAD))
                .isEmpty();
        assertThat(sealing.open(europol, new Sealing.Sealed(new byte[3], sealed.ciphertext()), INFO, AAD))
                .as("malformed encapsulated key")
                .isEmpty();
    }

    @Test
    void twoSealsOfOneMessageDiffer() {
        Sealing sealing = Sealing.standard();
        Sealing.EncryptionKeys europol = sealing.newKeys();
        byte[] body = {7, 7, 7};
        assertThat(sealing.seal(europol.publicKey(), INFO, AAD, body))
                .isNotEqualTo(sealing.seal(europol.publicKey(), INFO, AAD, body));
        assertThat(europol.toString()).doesNotContain(HEX.formatHex(europol.privateKey()));
    }
}
