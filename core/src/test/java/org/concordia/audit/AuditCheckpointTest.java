package org.concordia.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import org.junit.jupiter.api.Test;

class AuditCheckpointTest {
    private static final KeyPair KEYS = AuditLogs.ecKeys();

    @Test
    void aSignedCheckpointVerifiesWithTheNodesPublicKeyOnly() {
        AuditEntry e = AuditLogs.chain(3).getLast();
        AuditCheckpoint c = AuditLogs.checkpoint(e, AuditSigner.ecdsa("NODE-A", KEYS.getPrivate()));
        assertThat(c.signer()).isEqualTo("NODE-A");
        assertThat(CheckpointVerifier.ecdsa(KEYS.getPublic()).verify(c)).isTrue();
        assertThat(CheckpointVerifier.ecdsa(AuditLogs.ecKeys().getPublic()).verify(c))
                .isFalse();
    }

    @Test
    void theSignatureCoversSequenceHashTimeAndSigner() {
        AuditEntry e = AuditLogs.chain(3).getLast();
        AuditCheckpoint c = AuditLogs.checkpoint(e, AuditSigner.ecdsa("NODE-A", KEYS.getPrivate()));
        CheckpointVerifier v = CheckpointVerifier.ecdsa(KEYS.getPublic());
        assertThat(v.verify(new AuditCheckpoint(4, c.hash(), c.at(), c.signer(), c.signature())))
                .isFalse();
        assertThat(v.verify(new AuditCheckpoint(3, AuditHash.ZERO, c.at(), c.signer(), c.signature())))
                .isFalse();
        assertThat(v.verify(new AuditCheckpoint(3, c.hash(), c.at().plusSeconds(1), c.signer(), c.signature())))
                .isFalse();
        assertThat(v.verify(new AuditCheckpoint(3, c.hash(), c.at(), "NODE-B", c.signature())))
                .isFalse();
        assertThat(v.verify(new AuditCheckpoint(3, c.hash(), c.at(), c.signer(), new byte[] {1, 2, 3})))
                .isFalse();
    }

    @Test
    void theSignatureIsCopiedInAndOut() {
        AuditEntry e = AuditLogs.chain(1).getLast();
        AuditCheckpoint c = AuditLogs.checkpoint(e, AuditSigner.ecdsa("NODE-A", KEYS.getPrivate()));
        c.signature()[0] ^= 1;
        assertThat(CheckpointVerifier.ecdsa(KEYS.getPublic()).verify(c)).isTrue();
        assertThat(c).isEqualTo(new AuditCheckpoint(c.sequence(), c.hash(), c.at(), c.signer(), c.signature()));
    }

    @Test
    void onlyEcKeysSignCheckpoints() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair keys = rsa.generateKeyPair();
        assertThatThrownBy(() -> AuditSigner.ecdsa("N", keys.getPrivate()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CheckpointVerifier.ecdsa(keys.getPublic()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEd25519NodeKeySignsWithEd25519AndOnlyItsPublicKeyVerifies() throws Exception {
        KeyPair node = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        AuditEntry e = AuditLogs.chain(2).getLast();
        AuditCheckpoint c = AuditLogs.checkpoint(e, AuditSigner.of("NODE-A", node.getPrivate()));
        assertThat(c.signature()).hasSize(64); // RFC 8032: R || S, not DER
        assertThat(CheckpointVerifier.of(node.getPublic()).verify(c)).isTrue();
        assertThat(CheckpointVerifier.of(KeyPairGenerator.getInstance("Ed25519")
                                .generateKeyPair()
                                .getPublic())
                        .verify(c))
                .isFalse();
        assertThat(CheckpointVerifier.of(KEYS.getPublic()).verify(c))
                .as("an EC key")
                .isFalse();
        assertThat(AuditLogs.checkpoint(e, AuditSigner.of("NODE-A", KEYS.getPrivate()))
                        .signature())
                .as("an EC key still signs with ECDSA")
                .isNotEmpty();
    }
}
