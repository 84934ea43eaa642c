package org.concordia.federation;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.concordia.model.ParticipantCode;

/**
 * One entry of the federation {@link Directory}: an organisation, where its node listens and the
 * certificate its node presents.
 *
 * @param code the participant's code; also the common name of its certificate
 * @param name the organisation's name, for people (for example {@code European Union Agency for Law
 *     Enforcement Cooperation}); not blank
 * @param region where it works, for people (for example {@code Europe}); may be empty
 * @param endpoint the base URL of the node's federation interface, {@code https://host:port}
 *     (absolute, scheme {@code https}, a host, no query or fragment)
 * @param certificatePem the node's X.509 certificate (RFC 5280) in PEM form (RFC 7468), issued by the
 *     federation authority
 * @param capabilities what the node offers (for example {@code search}); copied, never {@code null}
 * @param encryptionKey the key messages to this participant are sealed to; empty for a participant
 *     that takes part in searches only (it cannot be sent messages)
 */
public record Participant(
        ParticipantCode code,
        String name,
        String region,
        URI endpoint,
        String certificatePem,
        Set<String> capabilities,
        Optional<EncryptionKey> encryptionKey) {

    /** A participant without an encryption key (searches only). */
    public Participant(
            ParticipantCode code,
            String name,
            String region,
            URI endpoint,
            String certificatePem,
            Set<String> capabilities) {
        this(code, name, region, endpoint, certificatePem, capabilities, Optional.empty());
    }

    public Participant {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(certificatePem, "certificatePem");
        if (name.isBlank()) {
            throw new IllegalArgumentException("participant name must not be blank");
        }
        if (!"https".equalsIgnoreCase(endpoint.getScheme())
                || endpoint.getHost() == null
                || endpoint.getRawQuery() != null
                || endpoint.getRawFragment() != null) {
            throw new IllegalArgumentException("participant endpoint must be https://host[:port][/path]");
        }
        if (!certificatePem.contains("-----BEGIN CERTIFICATE-----")) {
            throw new IllegalArgumentException("participant certificate must be a PEM certificate");
        }
        capabilities = Set.copyOf(capabilities);
        Objects.requireNonNull(encryptionKey, "encryptionKey");
    }
}
