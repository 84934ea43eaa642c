package org.concordia.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.concordia.pki.TestFederation.CLOCK;
import static org.concordia.pki.TestFederation.EUROPOL;
import static org.concordia.pki.TestFederation.INTERPOL;
import static org.concordia.pki.TestFederation.NOW;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.concordia.federation.Directory;
import org.junit.jupiter.api.Test;

class SignedDirectoryTest {
    static final TestFederation FEDERATION = new TestFederation(CLOCK, INTERPOL, EUROPOL);

    static Directory directory() {
        Directory d = FEDERATION.directory.revoking("1a2b", 4, NOW);
        return new Directory(
                d.serial(),
                d.issuedAt(),
                Optional.of(NOW.plus(Duration.ofDays(7))),
                d.participants(),
                d.revokedSerials());
    }

    @Test
    void jsonFormRoundTrips() {
        Directory d = directory();
        assertThat(DirectoryJson.decode(DirectoryJson.encode(d))).isEqualTo(d);
    }

    @Test
    void eachParticipantsEncryptionKeyIsInTheJsonFormAndAnOldEntryWithoutOneStillReads() {
        Directory d = directory();
        assertThat(d.participants())
                .allSatisfy(p -> assertThat(p.encryptionKey()).isPresent());
        String json = new String(DirectoryJson.encode(d), StandardCharsets.UTF_8);
        assertThat(json)
                .containsPattern("\"encryptionKey\"\\s*:\\s*\""
                        + d.participants().get(0).encryptionKey().get().base64());
        String old = json.replaceAll(",\\s*\"encryptionKey\"\\s*:\\s*\"[A-Za-z0-9_-]+\"", "");
        assertThat(old).doesNotContain("encryptionKey");
        assertThat(DirectoryJson.decode(old.getBytes(StandardCharsets.UTF_8)).participants())
                .allSatisfy(p -> assertThat(p.encryptionKey()).isEmpty());
    }

    @Test
    void anEncryptionKeyThatIsNot32BytesIsRefused() {
        String json = new String(DirectoryJson.encode(directory()), StandardCharsets.UTF_8)
                .replaceFirst("\"encryptionKey\"\\s*:\\s*\"[A-Za-z0-9_-]+\"", "\"encryptionKey\": \"AAAA\"");
        assertThatThrownBy(() -> DirectoryJson.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("AAAA");
    }

    @Test
    void jsonFormIsDeterministic() {
        assertThat(DirectoryJson.encode(directory())).isEqualTo(DirectoryJson.encode(directory()));
        String json = new String(DirectoryJson.encode(directory()), StandardCharsets.UTF_8);
        assertThat(json).startsWith("{\n  \"format\" : \"concordia-directory/1\",\n  \"serial\" : 4,");
        assertThat(json.indexOf("\"EUROPOL\"")).isLessThan(json.indexOf("\"INTERPOL\""));
    }

    @Test
    void decodingRefusesUnknownFieldsAndDuplicateKeys() {
        String json = new String(DirectoryJson.encode(directory()), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> DirectoryJson.decode(
                        json.replace("\"serial\"", "\"extra\" : 1, \"serial\"").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DirectoryJson.decode(json.replace("\"serial\" : 4", "\"serial\" : 4, \"serial\" : 5")
                        .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSignedDirectoryOpensWithTheAuthorityCertificate() {
        SignedDirectory.Signed signed = SignedDirectory.sign(directory(), FEDERATION.authority);
        assertThat(SignedDirectory.open(signed.json(), signed.signature(), FEDERATION.authority.certificate()))
                .isEqualTo(new SignedDirectory.Valid(directory()));
    }

    @Test
    void aTamperedDirectoryIsRefused() {
        SignedDirectory.Signed signed = SignedDirectory.sign(directory(), FEDERATION.authority);
        byte[] json = new String(signed.json(), StandardCharsets.UTF_8)
                .replace("\"1a2b\"", "\"1a2c\"")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(SignedDirectory.open(json, signed.signature(), FEDERATION.authority.certificate()))
                .isInstanceOf(SignedDirectory.Invalid.class);
    }

    @Test
    void aDirectorySignedByAnotherAuthorityIsRefused() {
        FederationAuthority other = FederationAuthority.create("Test", CLOCK);
        SignedDirectory.Signed signed = SignedDirectory.sign(directory(), other);
        assertThat(SignedDirectory.open(signed.json(), signed.signature(), FEDERATION.authority.certificate()))
                .isInstanceOf(SignedDirectory.Invalid.class);
    }

    @Test
    void aSignatureFileThatIsNotBase64IsRefused() {
        SignedDirectory.Signed signed = SignedDirectory.sign(directory(), FEDERATION.authority);
        assertThat(SignedDirectory.open(
                        signed.json(), "%%%".getBytes(StandardCharsets.US_ASCII), FEDERATION.authority.certificate()))
                .isInstanceOf(SignedDirectory.Invalid.class);
    }
}
