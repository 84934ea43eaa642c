package org.concordia.pki;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;

/**
 * End-to-end encryption of a message to one participant: Hybrid Public Key Encryption (RFC 9180) in
 * base mode with the suite DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM, as Bouncy Castle
 * implements it. Only the holder of the recipient's X25519 private key opens what was sealed to its
 * public key; a relay or a reader of the database sees the encapsulated key and the ciphertext.
 *
 * <p>{@code info} binds a sealed message to its context (sender, recipient, message id: see
 * docs/decisions/0005), {@code aad} authenticates what travels in clear beside it; opening with any
 * other value fails. A participant's encryption key is separate from its signing key (Ed25519).
 *
 * <p>Opening returns an empty result, not an exception, for a ciphertext that does not open: a
 * tampered or misaddressed message is an expected failure. Thread-safe.
 */
public final class Sealing {
    /** Length of an X25519 public key and of the encapsulated key, in bytes. */
    public static final int KEY_LENGTH = 32;

    /** The suite Concordia uses. */
    private static final Sealing STANDARD = new Sealing(HPKE.aead_AES_GCM256);

    private final short aead;

    /** A participant's encryption key pair: X25519, raw 32-byte encodings (RFC 7748). */
    public record EncryptionKeys(byte[] publicKey, byte[] privateKey) {
        public EncryptionKeys {
            if (publicKey.length != KEY_LENGTH || privateKey.length != KEY_LENGTH) {
                throw new IllegalArgumentException("X25519 keys are 32 bytes");
            }
            publicKey = publicKey.clone();
            privateKey = privateKey.clone();
        }

        @Override
        public byte[] publicKey() {
            return publicKey.clone();
        }

        @Override
        public byte[] privateKey() {
            return privateKey.clone();
        }

        @Override
        public String toString() {
            return "EncryptionKeys[private key not shown]";
        }
    }

    /** What a sealed message carries: the encapsulated key ({@code enc}) and the ciphertext with its tag. */
    public record Sealed(byte[] enc, byte[] ciphertext) {
        public Sealed {
            Objects.requireNonNull(enc, "enc");
            Objects.requireNonNull(ciphertext, "ciphertext");
            enc = enc.clone();
            ciphertext = ciphertext.clone();
        }

        @Override
        public byte[] enc() {
            return enc.clone();
        }

        @Override
        public byte[] ciphertext() {
            return ciphertext.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Sealed s && Arrays.equals(enc, s.enc) && Arrays.equals(ciphertext, s.ciphertext);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(enc) + Arrays.hashCode(ciphertext);
        }

        @Override
        public String toString() {
            return "Sealed[" + ciphertext.length + " bytes]";
        }
    }

    Sealing(short aead) {
        this.aead = aead;
    }

    /** DHKEM(X25519, HKDF-SHA256) / HKDF-SHA256 / AES-256-GCM. */
    public static Sealing standard() {
        return STANDARD;
    }

    private HPKE hpke() {
        return new HPKE(HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, aead);
    }

    /** A new encryption key pair for a participant. */
    public EncryptionKeys newKeys() {
        HPKE h = hpke();
        return keys(h, h.generatePrivateKey());
    }

    /** The key pair of an X25519 private key (its public half computed, RFC 7748 section 6.1). */
    public EncryptionKeys fromPrivate(byte[] privateKey) {
        if (privateKey.length != KEY_LENGTH) {
            throw new IllegalArgumentException("an X25519 private key is 32 bytes");
        }
        org.bouncycastle.crypto.params.X25519PrivateKeyParameters k =
                new org.bouncycastle.crypto.params.X25519PrivateKeyParameters(privateKey, 0);
        return new EncryptionKeys(k.generatePublicKey().getEncoded(), privateKey);
    }

    /** The key pair RFC 9180's DeriveKeyPair gives for {@code ikm} (for test vectors). */
    EncryptionKeys derive(byte[] ikm) {
        HPKE h = hpke();
        return keys(h, h.deriveKeyPair(ikm));
    }

    private static EncryptionKeys keys(HPKE h, AsymmetricCipherKeyPair pair) {
        return new EncryptionKeys(h.serializePublicKey(pair.getPublic()), h.serializePrivateKey(pair.getPrivate()));
    }

    /** Seals {@code plaintext} to the holder of {@code recipientPublicKey}. */
    public Sealed seal(byte[] recipientPublicKey, byte[] info, byte[] aad, byte[] plaintext) {
        if (recipientPublicKey.length != KEY_LENGTH) {
            throw new IllegalArgumentException("an X25519 public key is 32 bytes");
        }
        HPKE h = hpke();
        try {
            byte[][] out = h.seal(h.deserializePublicKey(recipientPublicKey), info, aad, plaintext, null, null, null);
            return new Sealed(out[1], out[0]);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("sealing failed", e);
        }
    }

    /** Length of the nonce of a {@link #sealLocal local seal}. */
    public static final int LOCAL_NONCE_LENGTH = 12;

    /**
     * Seals {@code plaintext} for this participant itself (a sender's own copy of what it sent): AES-256-GCM
     * (NIST SP 800-38D) under a key derived from the participant's X25519 private key with HKDF-SHA256
     * (RFC 5869, info {@code concordia local seal v1}), a random 96-bit nonce (returned as {@code enc}),
     * {@code info} and {@code aad} authenticated. No public-key operation: a sender's copy costs a few
     * microseconds, and opens only with the key store that holds the private key.
     */
    public Sealed sealLocal(EncryptionKeys self, byte[] info, byte[] aad, byte[] plaintext) {
        byte[] nonce = new byte[LOCAL_NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        try {
            javax.crypto.Cipher c = localCipher(javax.crypto.Cipher.ENCRYPT_MODE, self, nonce, info, aad);
            return new Sealed(nonce, c.doFinal(plaintext));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("local sealing failed", e);
        }
    }

    /** What {@link #sealLocal} sealed, or empty when it does not open with these keys, info and aad. */
    public Optional<byte[]> openLocal(EncryptionKeys self, Sealed sealed, byte[] info, byte[] aad) {
        if (sealed.enc.length != LOCAL_NONCE_LENGTH) {
            return Optional.empty();
        }
        try {
            javax.crypto.Cipher c = localCipher(javax.crypto.Cipher.DECRYPT_MODE, self, sealed.enc, info, aad);
            return Optional.of(c.doFinal(sealed.ciphertext));
        } catch (java.security.GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    private static javax.crypto.Cipher localCipher(int mode, EncryptionKeys self, byte[] nonce, byte[] info, byte[] aad)
            throws java.security.GeneralSecurityException {
        byte[] key = new byte[32];
        org.bouncycastle.crypto.generators.HKDFBytesGenerator hkdf =
                new org.bouncycastle.crypto.generators.HKDFBytesGenerator(
                        new org.bouncycastle.crypto.digests.SHA256Digest());
        hkdf.init(new org.bouncycastle.crypto.params.HKDFParameters(
                self.privateKey, null, "concordia local seal v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        hkdf.generateBytes(key, 0, key.length);
        javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        c.init(
                mode,
                new javax.crypto.spec.SecretKeySpec(key, "AES"),
                new javax.crypto.spec.GCMParameterSpec(128, nonce));
        c.updateAAD(info);
        c.updateAAD(new byte[] {0}); // info and aad kept apart
        c.updateAAD(aad);
        return c;
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /** The plaintext, or empty when the sealed message does not open with these keys, info and aad. */
    public Optional<byte[]> open(EncryptionKeys recipient, Sealed sealed, byte[] info, byte[] aad) {
        if (sealed.enc.length != KEY_LENGTH) {
            return Optional.empty();
        }
        HPKE h = hpke();
        try {
            AsymmetricCipherKeyPair pair = h.deserializePrivateKey(recipient.privateKey, recipient.publicKey);
            return Optional.of(h.open(sealed.enc, pair, info, aad, sealed.ciphertext, null, null, null));
        } catch (InvalidCipherTextException | IllegalArgumentException | IllegalStateException e) {
            return Optional.empty();
        }
    }
}
