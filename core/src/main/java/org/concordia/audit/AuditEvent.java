package org.concordia.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a caller hands to the {@link org.concordia.port.AuditLog}: one action, who did it, for whom
 * and with what outcome. It holds <b>ids, codes and hashes only</b>, never personal data: query
 * terms go in as {@link TermHasher} values, records as their ids.
 *
 * <p>Enforced here, as a guard (not a proof) against personal data slipping in: every text is a
 * <em>token</em> of 1–256 characters without white space or control characters (names with a space
 * in them cannot pass); term hashes are 64 lower-case hex digits; detail keys are lower-case
 * identifiers. {@code at} is truncated to microseconds, the precision the store keeps, so an entry
 * read back hashes the same. Collections are copied; the details iterate in key order.
 *
 * @param at when it happened (required)
 * @param action what happened (required)
 * @param actor the user name, or the participant code of a partner node (required)
 * @param actorRole the actor's role at the time, or null
 * @param participant the partner concerned (asked, answered, refused), or null
 * @param purpose the purpose code the action was done for, or null
 * @param outcome for example {@code hit}, {@code no-hit}, {@code refused} or an error code (required)
 * @param recordIds the records concerned (returned, viewed, imported), possibly empty
 * @param termHashes {@link TermHasher} values of the query terms, possibly empty
 * @param details further ids and codes (agreement id, request id, version), possibly empty
 */
public record AuditEvent(
        Instant at,
        AuditAction action,
        String actor,
        String actorRole,
        String participant,
        String purpose,
        String outcome,
        List<String> recordIds,
        List<String> termHashes,
        Map<String, String> details) {

    public static final int MAX_TOKEN_LENGTH = 256;
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern DETAIL_KEY = Pattern.compile("[a-z][a-z0-9_.-]{0,63}");

    public AuditEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        at = at.truncatedTo(ChronoUnit.MICROS);
        requireToken("actor", actor);
        optionalToken("actorRole", actorRole);
        optionalToken("participant", participant);
        optionalToken("purpose", purpose);
        requireToken("outcome", outcome);
        recordIds = List.copyOf(Objects.requireNonNull(recordIds, "recordIds"));
        recordIds.forEach(id -> requireToken("recordIds", id));
        termHashes = List.copyOf(Objects.requireNonNull(termHashes, "termHashes"));
        for (String h : termHashes) {
            if (!HEX64.matcher(h).matches()) {
                throw new IllegalArgumentException("termHashes must be TermHasher values (64 lower-case hex digits)");
            }
        }
        Objects.requireNonNull(details, "details");
        TreeMap<String, String> sorted = new TreeMap<>();
        details.forEach((k, v) -> {
            if (k == null || !DETAIL_KEY.matcher(k).matches()) {
                throw new IllegalArgumentException("detail keys must be lower-case identifiers");
            }
            requireToken("details", v);
            sorted.put(k, v);
        });
        details = Collections.unmodifiableMap(sorted);
    }

    /** An event with no role, partner, purpose, records, terms or details: add them with the {@code with} methods. */
    public static AuditEvent of(Instant at, AuditAction action, String actor, String outcome) {
        return new AuditEvent(at, action, actor, null, null, null, outcome, List.of(), List.of(), Map.of());
    }

    public AuditEvent withActorRole(String role) {
        return new AuditEvent(at, action, actor, role, participant, purpose, outcome, recordIds, termHashes, details);
    }

    public AuditEvent withParticipant(String partner) {
        return new AuditEvent(at, action, actor, actorRole, partner, purpose, outcome, recordIds, termHashes, details);
    }

    public AuditEvent withPurpose(String purposeCode) {
        return new AuditEvent(
                at, action, actor, actorRole, participant, purposeCode, outcome, recordIds, termHashes, details);
    }

    public AuditEvent withRecordIds(List<String> ids) {
        return new AuditEvent(at, action, actor, actorRole, participant, purpose, outcome, ids, termHashes, details);
    }

    public AuditEvent withTermHashes(List<String> hashes) {
        return new AuditEvent(at, action, actor, actorRole, participant, purpose, outcome, recordIds, hashes, details);
    }

    public AuditEvent withDetails(Map<String, String> more) {
        return new AuditEvent(at, action, actor, actorRole, participant, purpose, outcome, recordIds, termHashes, more);
    }

    /** Whether {@code s} is a token: 1–256 characters, no white space, no control characters, no lone surrogates. */
    public static boolean isToken(String s) {
        return s != null
                && !s.isEmpty()
                && s.length() <= MAX_TOKEN_LENGTH
                && s.codePoints()
                        .noneMatch(c -> Character.isWhitespace(c)
                                || Character.isSpaceChar(c)
                                || Character.isISOControl(c)
                                // a lone surrogate has no UTF-8 form: two such strings could encode alike
                                || (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE));
    }

    private static void requireToken(String field, String value) {
        if (!isToken(value)) {
            // The value is not quoted: it may be exactly the personal data that must not be logged.
            throw new IllegalArgumentException(field + " must be an id or code: 1-" + MAX_TOKEN_LENGTH
                    + " characters without white space or control characters");
        }
    }

    private static void optionalToken(String field, String value) {
        if (value != null) {
            requireToken(field, value);
        }
    }
}
