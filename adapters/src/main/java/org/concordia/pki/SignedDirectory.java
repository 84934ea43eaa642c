package org.concordia.pki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Objects;
import org.concordia.federation.Directory;

/**
 * The directory as two files: {@code directory.json} (its {@link DirectoryJson} form) and {@code
 * directory.json.sig}, the authority's SHA256withECDSA signature (FIPS 186-5; DER, RFC 3279 section
 * 2.2.3) over the exact bytes of {@code directory.json}, in base64 (RFC 4648 section 4) on one line.
 * Signing the bytes rather than a canonical form means a verifier never re-serialises anything: it
 * checks the bytes it read, then parses them.
 */
public final class SignedDirectory {
    public static final String FILE = "directory.json";
    public static final String SIGNATURE_SUFFIX = ".sig";

    private SignedDirectory() {}

    /** Where the signature of {@code json} is kept: the same name with {@value #SIGNATURE_SUFFIX}. */
    public static Path signatureFile(Path json) {
        return json.resolveSibling(json.getFileName() + SIGNATURE_SUFFIX);
    }

    /** Encodes and signs {@code directory}: the file's bytes and their signature file's bytes. */
    public static Signed sign(Directory directory, FederationAuthority authority) {
        byte[] json = DirectoryJson.encode(directory);
        byte[] signature =
                (Base64.getEncoder().encodeToString(authority.sign(json)) + "\n").getBytes(StandardCharsets.US_ASCII);
        return new Signed(json, signature);
    }

    /** Signs {@code directory} and writes it to {@code json} and its {@link #signatureFile(Path)}. */
    public static void write(Directory directory, FederationAuthority authority, Path json) throws IOException {
        sign(directory, authority).writeTo(json);
    }

    /**
     * Checks the signature over {@code json}, then parses it. The outcome is a value: {@link Valid} or
     * {@link Invalid} with the reason (which never quotes the file).
     */
    public static Opened open(byte[] json, byte[] signatureFile, X509Certificate authority) {
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(new String(signatureFile, StandardCharsets.US_ASCII).strip());
        } catch (IllegalArgumentException e) {
            return new Invalid("the signature file is not base64");
        }
        if (!FederationAuthority.verify(authority, json, signature)) {
            return new Invalid("the signature does not verify against the federation authority");
        }
        try {
            return new Valid(DirectoryJson.decode(json));
        } catch (IllegalArgumentException e) {
            return new Invalid("signed but malformed: " + e.getMessage());
        }
    }

    /** A directory file and its signature file, as bytes. */
    public record Signed(byte[] json, byte[] signature) {
        public Signed {
            Objects.requireNonNull(json, "json");
            Objects.requireNonNull(signature, "signature");
        }

        /**
         * Writes both files, each through a temporary file and a move, so a reader sees whole files;
         * the signature is written first.
         */
        public void writeTo(Path jsonFile) throws IOException {
            Path dir = jsonFile.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            replace(signatureFile(jsonFile), signature);
            replace(jsonFile, json);
        }

        private static void replace(Path target, byte[] bytes) throws IOException {
            Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), ".directory", ".tmp");
            try {
                Files.write(tmp, bytes);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** The outcome of {@link #open}. */
    public sealed interface Opened {}

    /** The signature verified and the file parsed. */
    public record Valid(Directory directory) implements Opened {}

    /** The signature did not verify, or the file did not parse. */
    public record Invalid(String reason) implements Opened {}
}
