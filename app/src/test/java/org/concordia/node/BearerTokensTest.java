package org.concordia.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtException;

class BearerTokensTest {
    @TempDir
    Path tmp;

    @Test
    void aJwkSetFileWithAnEcKeyVerifiesEs256TokensOfItsIssuerAndAudience() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).generate();
        Path file = tmp.resolve("jwks.json");
        Files.writeString(file, new JWKSet(key).toPublicJWKSet().toString());
        var settings = new NodeSettings.Jwt(
                java.net.URI.create("https://idp.example/realms/police"), null, file, "concordia", null);

        var jwt = BearerTokens.decoder(settings)
                .decode(token(key, "https://idp.example/realms/police", List.of("concordia", "other"), "u-1"));

        assertThat(jwt.getSubject()).isEqualTo("u-1");
        assertThatThrownBy(() -> BearerTokens.decoder(settings)
                        .decode(token(key, "https://idp.example/realms/police", List.of("other"), "u-1")))
                .isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> BearerTokens.decoder(settings)
                        .decode(token(key, "https://elsewhere.example", List.of("concordia"), "u-1")))
                .isInstanceOf(JwtException.class);
    }

    @Test
    void aTokenWithoutSubjectIsRefused() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).generate();
        Path file = tmp.resolve("jwks.json");
        Files.writeString(file, new JWKSet(key).toPublicJWKSet().toString());

        assertThatThrownBy(() ->
                        BearerTokens.decoder(NodeSettings.Jwt.keyFile(file)).decode(token(key, null, null, null)))
                .isInstanceOf(JwtException.class);
    }

    @Test
    void rolesAreReadFromAListAStringOrANestedClaimAndUnknownOnesAreIgnored() {
        assertThat(names(BearerTokens.authorities(Map.of("roles", List.of("Officer", "janitor", "dpo")), "roles")))
                .containsExactly("ROLE_OFFICER", "ROLE_DPO");
        assertThat(names(BearerTokens.authorities(Map.of("scope", "analyst admin"), "scope")))
                .containsExactly("ROLE_ANALYST", "ROLE_ADMIN");
        assertThat(names(BearerTokens.authorities(
                        Map.of("realm_access", Map.of("roles", List.of("admin"))), "realm_access.roles")))
                .containsExactly("ROLE_ADMIN");
        assertThat(BearerTokens.authorities(Map.of("roles", 42), "roles")).isEmpty();
        assertThat(BearerTokens.authorities(Map.of(), "roles")).isEmpty();
    }

    @Test
    void aKeyFileWithoutAPublicKeyStopsTheStartWithTheConsequence() throws Exception {
        Path file = tmp.resolve("empty.pem");
        Files.writeString(file, "not a key");

        assertThatThrownBy(() -> BearerTokens.decoder(NodeSettings.Jwt.keyFile(file)))
                .isInstanceOf(NodeSettings.InvalidConfiguration.class)
                .hasMessageContaining("no bearer token could be verified");
    }

    @Test
    void bearerTokensWithoutAnyKeySourceAreAConfigurationProblem() {
        NodeSettings s = NodeSettings.of(
                        new org.concordia.model.ParticipantCode("INTERPOL"),
                        new org.concordia.store.NodeStorage.Location.Embedded(tmp),
                        0,
                        null)
                .withJwt(new NodeSettings.Jwt(null, null, null, null, null));

        assertThat(s.problems()).anyMatch(p -> p.contains("every token would be refused"));
        assertThat(s.jwt().rolesClaim()).isEqualTo(NodeSettings.Jwt.DEFAULT_ROLES_CLAIM);
    }

    @Test
    void tokensOfAnIdentityProviderNeedAnAudience() {
        NodeSettings base = NodeSettings.of(
                new org.concordia.model.ParticipantCode("INTERPOL"),
                new org.concordia.store.NodeStorage.Location.Embedded(tmp),
                0,
                null);
        java.net.URI idp = java.net.URI.create("https://idp.example/realms/police");

        assertThat(base.withJwt(NodeSettings.Jwt.issuer(idp)).problems())
                .anyMatch(p -> p.contains("without an audience"));
        assertThat(base.withJwt(new NodeSettings.Jwt(idp, null, null, "concordia-interpol", null))
                        .problems())
                .noneMatch(p -> p.contains("audience"));
    }

    private static List<String> names(List<GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).toList();
    }

    private static String token(ECKey key, String issuer, List<String> audience, String subject) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .issueTime(Date.from(Instant.now()))
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .claim("roles", List.of("officer"));
        if (audience != null) {
            claims.audience(audience);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.ES256), claims.build());
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }
}
