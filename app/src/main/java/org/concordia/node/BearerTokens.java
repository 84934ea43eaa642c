package org.concordia.node;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Bearer tokens on the user API ({@link NodeSettings.Jwt}): how a token is verified and which {@link
 * Roles} it carries. Asymmetric signatures only (RSA, RSA-PSS, ECDSA; RFC 7518 section 3): a shared
 * secret would let anyone who can check tokens also mint them.
 */
final class BearerTokens {
    private static final Set<SignatureAlgorithm> ALGORITHMS = EnumSet.allOf(SignatureAlgorithm.class);
    private static final Pattern PEM =
            Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private BearerTokens() {}

    /**
     * The decoder for these settings: signature, {@code exp}/{@code nbf} (60 s skew), {@code sub} present,
     * issuer and audience when configured. A key file is read now; keys behind a URL are fetched at the
     * first token and cached.
     *
     * @throws NodeSettings.InvalidConfiguration when the key file holds no usable public key
     */
    static JwtDecoder decoder(NodeSettings.Jwt settings) {
        NimbusJwtDecoder decoder;
        if (settings.keyFile() != null) {
            decoder = NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<>(keys(settings.keyFile())))
                    .jwsAlgorithms(a -> a.addAll(ALGORITHMS))
                    .build();
        } else if (settings.jwkSetUri() != null) {
            decoder = NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri().toString())
                    .jwsAlgorithms(a -> a.addAll(ALGORITHMS))
                    .build();
        } else {
            decoder = NimbusJwtDecoder.withIssuerLocation(settings.issuer().toString())
                    .jwsAlgorithms(a -> a.addAll(ALGORITHMS))
                    .build();
        }
        List<OAuth2TokenValidator<Jwt>> checks = new ArrayList<>();
        checks.add(
                settings.issuer() == null
                        ? JwtValidators.createDefault()
                        : JwtValidators.createDefaultWithIssuer(
                                settings.issuer().toString()));
        checks.add(new JwtClaimValidator<String>(JwtClaimNames.SUB, s -> s != null && !s.isBlank()));
        if (settings.audience() != null) {
            checks.add(new JwtClaimValidator<List<String>>(
                    JwtClaimNames.AUD, aud -> aud != null && aud.contains(settings.audience())));
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(checks));
        return decoder;
    }

    /** The authentication a verified token gives: its subject, and the known roles of {@code rolesClaim}. */
    static AbstractAuthenticationToken authentication(Jwt jwt, String rolesClaim) {
        return new JwtAuthenticationToken(jwt, authorities(jwt.getClaims(), rolesClaim), jwt.getSubject());
    }

    /**
     * The roles named by a claim (a dotted path for a nested claim): a list of strings or one
     * space-separated string, matched to {@link Roles} without regard to case; other values are ignored.
     * Never null.
     */
    static List<GrantedAuthority> authorities(Map<String, Object> claims, String rolesClaim) {
        Object value = claims;
        for (String part : rolesClaim.split("\\.")) {
            value = value instanceof Map<?, ?> m ? m.get(part) : null;
        }
        List<String> names = switch (value) {
            case Collection<?> c -> c.stream().map(String::valueOf).toList();
            case String s -> List.of(s.split("[\\s,]+"));
            case null, default -> List.of();
        };
        return names.stream()
                .map(Roles::parse)
                .flatMap(java.util.Optional::stream)
                .distinct()
                .<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r.name()))
                .toList();
    }

    /** The public keys of a file: a JWK set (JSON), or PEM public keys and certificates. */
    static JWKSet keys(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (text.startsWith("{")) {
                JWKSet set = JWKSet.parse(text).toPublicJWKSet();
                if (!set.getKeys().isEmpty()) {
                    return set;
                }
            } else {
                List<JWK> keys = new ArrayList<>();
                Matcher m = PEM.matcher(text);
                while (m.find()) {
                    byte[] der = Base64.getMimeDecoder().decode(m.group(2));
                    keys.add(jwk(
                            m.group(1).equals("CERTIFICATE")
                                    ? CertificateFactory.getInstance("X.509")
                                            .generateCertificate(new ByteArrayInputStream(der))
                                            .getPublicKey()
                                    : publicKey(der)));
                }
                if (!keys.isEmpty()) {
                    return new JWKSet(keys);
                }
            }
        } catch (IOException | ParseException | GeneralSecurityException | IllegalArgumentException e) {
            throw new NodeSettings.InvalidConfiguration(List.of("bearer token key file " + file
                    + " is not a PEM public key or certificate, or a JWK set ("
                    + e.getClass().getSimpleName()
                    + "): no bearer token could be verified"));
        }
        throw new NodeSettings.InvalidConfiguration(
                List.of("bearer token key file " + file + " holds no public key: no bearer token could be verified"));
    }

    private static PublicKey publicKey(byte[] der) throws GeneralSecurityException {
        GeneralSecurityException last = null;
        for (String algorithm : new String[] {"RSA", "EC"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw Objects.requireNonNull(last);
    }

    private static JWK jwk(PublicKey key) throws GeneralSecurityException {
        return switch (key) {
            case RSAPublicKey rsa -> new RSAKey.Builder(rsa).build();
            case ECPublicKey ec -> {
                Curve curve = Curve.forECParameterSpec(ec.getParams());
                if (curve == null) {
                    throw new GeneralSecurityException("an EC key on a curve JOSE does not name");
                }
                yield new ECKey.Builder(curve, ec).build();
            }
            default -> throw new GeneralSecurityException("not an RSA or EC key: " + key.getAlgorithm());
        };
    }
}
