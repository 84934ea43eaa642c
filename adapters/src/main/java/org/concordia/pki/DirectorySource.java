package org.concordia.pki;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a node fetches the signed directory from. A source only moves bytes; {@link DirectoryCache}
 * checks them. Implementations must be thread-safe.
 */
public interface DirectorySource {

    /**
     * The directory file and its signature file as the source holds them now.
     *
     * @throws IOException when the source cannot be reached or read
     */
    SignedDirectory.Signed fetch() throws IOException;

    /** Where the source is, for operators (a path or URL, no credentials). */
    String describe();

    /** A {@code directory.json} file with its {@code directory.json.sig} beside it. */
    static DirectorySource file(Path json) {
        return new DirectorySource() {
            @Override
            public SignedDirectory.Signed fetch() throws IOException {
                // the signature first: a writer replaces it first (SignedDirectory.Signed#writeTo)
                byte[] signature = Files.readAllBytes(SignedDirectory.signatureFile(json));
                return new SignedDirectory.Signed(Files.readAllBytes(json), signature);
            }

            @Override
            public String describe() {
                return json.toString();
            }
        };
    }
}
