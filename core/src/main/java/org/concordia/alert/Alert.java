package org.concordia.alert;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.concordia.model.Handling;
import org.concordia.model.ParticipantCode;
import org.concordia.model.Record;

/**
 * An alert as its owner publishes it and as every recipient holds it. An update or a cancellation is
 * the same alert with a higher {@code version}; a node keeps the highest version it has seen, so
 * updates arriving out of order do not undo each other.
 *
 * @param id chosen by the owner (UUIDv7)
 * @param version 1 when published, one more with each update or cancellation
 * @param owner the participant that published it, also the subject record's owner
 * @param subject what to look out for: a person, travel document, vehicle or firearm of the exchange
 *     model, of a type {@link AlertType#subjects() the alert type allows}
 * @param requestedAction what the owner asks a recipient to do on a hit (arrest, locate, seize...):
 *     1 to {@value #MAX_ACTION} characters, may be empty only for a {@link AlertType#WATCH}
 * @param validFrom when it was published
 * @param validUntil when it expires: it stops matching everywhere from then
 */
public record Alert(
        UUID id,
        int version,
        ParticipantCode owner,
        AlertType type,
        Record subject,
        String requestedAction,
        Instant validFrom,
        Instant validUntil,
        Recipients recipients,
        Status status) {
    public static final int MAX_ACTION = 1_000;
    /** The validity of an alert that states none: five years, as an INTERPOL notice's review period. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(5 * 365);

    /** Whether the owner still asks for hits. */
    public enum Status {
        ACTIVE,
        CANCELLED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Status> parse(String text) {
            for (Status s : values()) {
                if (s.wireName().equals(text)) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }
    }

    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(requestedAction, "requestedAction");
        Objects.requireNonNull(recipients, "recipients");
        Objects.requireNonNull(status, "status");
        validFrom = Objects.requireNonNull(validFrom, "validFrom").truncatedTo(ChronoUnit.MILLIS);
        validUntil = Objects.requireNonNull(validUntil, "validUntil").truncatedTo(ChronoUnit.MILLIS);
        if (version < 1) {
            throw new IllegalArgumentException("an alert's version is 1 or more");
        }
        if (!type.subjects().contains(subject.type())) {
            throw new IllegalArgumentException("an alert of this type cannot have a subject of this record type");
        }
        if (!subject.owner().equals(owner)) {
            throw new IllegalArgumentException("an alert's subject is a record of its owner");
        }
        if (requestedAction.length() > MAX_ACTION || (requestedAction.isBlank() && type != AlertType.WATCH)) {
            throw new IllegalArgumentException("a requested action has 1 to " + MAX_ACTION + " characters");
        }
        if (!validUntil.isAfter(validFrom)) {
            throw new IllegalArgumentException("an alert's validity ends after it begins");
        }
    }

    /**
     * Whether it matches at {@code now}: active and not expired. The start of its validity is its
     * publication, so it is not checked: a recipient whose clock lags the owner's must not skip a fresh
     * alert.
     */
    public boolean activeAt(Instant now) {
        return status == Status.ACTIVE && now.isBefore(validUntil);
    }

    /** What a list shows: {@code active}, {@code cancelled} or {@code expired}. */
    public String stateAt(Instant now) {
        if (status == Status.CANCELLED) {
            return "cancelled";
        }
        return now.isBefore(validUntil) ? "active" : "expired";
    }

    /** The subject's handling: TLP label and code under which the alert travels and is kept. */
    public Handling handling() {
        return subject.envelope().handling();
    }

    /** The next version, cancelled. */
    public Alert cancelled() {
        return new Alert(
                id,
                version + 1,
                owner,
                type,
                subject,
                requestedAction,
                validFrom,
                validUntil,
                recipients,
                Status.CANCELLED);
    }

    /** The next version, with another subject, requested action or end of validity. */
    public Alert updated(Record newSubject, String newAction, Instant newValidUntil) {
        return new Alert(
                id, version + 1, owner, type, newSubject, newAction, validFrom, newValidUntil, recipients, status);
    }

    @Override
    public String toString() {
        return "Alert[" + id + " v" + version + " " + type.wireName() + " from " + owner + " " + status.wireName()
                + "]";
    }
}
