package org.concordia.node;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concordia.audit.AuditAction;
import org.concordia.audit.AuditEvent;
import org.concordia.audit.TermHasher;
import org.concordia.imports.ImportReport;
import org.concordia.model.ParticipantCode;
import org.concordia.model.RecordId;
import org.concordia.port.AuditLog;
import org.concordia.problem.ErrorCode;
import org.concordia.search.FederatedSearch;
import org.concordia.search.PartnerAnswer;
import org.concordia.search.PartnerStatus;
import org.concordia.search.SearchQuery;
import org.concordia.search.SearchResult;
import org.concordia.sharing.SharingAgreement;

/**
 * What the node writes to its hash-chained audit log (DESIGN.md, principle 5): every search asked here
 * and every partner search answered, with purpose code, requester and keyed hashes of the terms (never
 * the terms); every record view; every agreement change; every refused partner request with its code.
 * The store signs a checkpoint every {@link #CHECKPOINT_EVERY} entries with the node's key.
 */
final class NodeAudit {
    static final int CHECKPOINT_EVERY = 1_000;

    private final AuditLog log;
    private final TermHasher terms;
    private final Clock clock;

    NodeAudit(AuditLog log, TermHasher terms, Clock clock) {
        this.log = log;
        this.terms = terms;
        this.clock = clock;
    }

    AuditLog log() {
        return log;
    }

    void search(String user, SearchQuery q, FederatedSearch.Outcome outcome) {
        Map<String, String> details = new LinkedHashMap<>();
        for (PartnerStatus s : outcome.partners()) {
            details.put(
                    "partner." + s.participant().value().toLowerCase(java.util.Locale.ROOT),
                    s.status().wireName());
        }
        List<String> ids = new ArrayList<>();
        for (SearchResult r : outcome.results()) {
            ids.add(token(r.owner().value() + "/" + resultId(r)));
        }
        append(new AuditEvent(
                clock.instant(),
                AuditAction.SEARCH,
                token(user),
                null,
                null,
                q.purpose().code(),
                outcome.results().isEmpty() ? "no-hit" : "hit",
                ids.size() > 100 ? ids.subList(0, 100) : ids,
                termHashes(q),
                details));
    }

    void partnerSearch(ParticipantCode partner, String requester, SearchQuery q, PartnerAnswer answer) {
        String outcome;
        List<String> ids = new ArrayList<>();
        switch (answer) {
            case PartnerAnswer.Refused r -> outcome = r.code().code();
            case PartnerAnswer.Failed f -> outcome = f.code().code();
            case PartnerAnswer.Answered a -> {
                outcome = PartnerStatus.of(partner, a, 0).status().wireName();
                for (SearchResult r : a.results()) {
                    ids.add(token(resultId(r)));
                }
            }
        }
        append(new AuditEvent(
                clock.instant(),
                AuditAction.PARTNER_SEARCH,
                token(partner.value() + ":" + (requester == null ? "-" : requester)),
                null,
                partner.value(),
                q.purpose().code(),
                outcome,
                ids,
                termHashes(q),
                Map.of()));
    }

    void view(String user, ParticipantCode owner, RecordId id, boolean found) {
        append(new AuditEvent(
                clock.instant(),
                AuditAction.RECORD_VIEW,
                token(user),
                null,
                null,
                null,
                found ? "shown" : "not-found",
                List.of(owner.value() + "/" + token(id.value())),
                List.of(),
                Map.of()));
    }

    void agreementChanged(String user, SharingAgreement a, String outcome) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("mode", a.mode().wireName());
        details.put("max-tlp", a.maxTlp().wireName());
        details.put(
                "types",
                String.join(
                        ",",
                        a.recordTypes().stream().map(t -> t.wireName()).sorted().toList()));
        if (!a.purposes().isEmpty()) {
            details.put(
                    "purposes", String.join(",", a.purposes().stream().sorted().toList()));
        }
        append(new AuditEvent(
                clock.instant(),
                AuditAction.AGREEMENT_CHANGE,
                token(user),
                null,
                a.partner().value(),
                null,
                outcome,
                List.of(),
                List.of(),
                details));
    }

    void imported(String user, ImportReport report) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("accepted", Long.toString(report.accepted()));
        details.put("rejected", Long.toString(report.rejected()));
        append(new AuditEvent(
                clock.instant(),
                AuditAction.RECORD_IMPORT,
                token(user),
                null,
                null,
                null,
                report.hasRejections() ? "with-rejections" : "imported",
                List.of(),
                List.of(),
                details));
    }

    /** A user read entries of the audit log, or had it verified. */
    void auditRead(String user, long from, long count) {
        append(new AuditEvent(
                clock.instant(),
                AuditAction.AUDIT_READ,
                token(user),
                null,
                null,
                null,
                "read",
                List.of(),
                List.of(),
                Map.of("from", Long.toString(from), "count", Long.toString(count))));
    }

    /** A failed sign-in: the account named, when it exists, else {@code unknown} (a mistyped name may be anything). */
    void loginFailed(String account) {
        append(AuditEvent.of(
                clock.instant(),
                AuditAction.LOGIN_FAILED,
                account == null ? "unknown" : token(account),
                "unauthenticated"));
    }

    /** A verified partner's request that could not be answered (not the federation API's JSON, no term). */
    void badRequest(ParticipantCode sender, String path, ErrorCode code) {
        append(new AuditEvent(
                clock.instant(),
                AuditAction.REQUEST_REFUSED,
                sender.value(),
                null,
                sender.value(),
                null,
                code.code(),
                List.of(),
                List.of(),
                Map.of("path", token(path))));
    }

    /**
     * A partner request refused by the channel's checks (signature, replay, certificate); the sender is the
     * one the request claims, unverified, so it is written {@code claimed:CODE}.
     */
    void refused(String claimedSender, String path, ErrorCode code) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("path", token(path));
        append(new AuditEvent(
                clock.instant(),
                AuditAction.REQUEST_REFUSED,
                claimedSender == null ? "unknown" : token("claimed:" + claimedSender),
                null,
                null,
                null,
                code.code(),
                List.of(),
                List.of(),
                details));
    }

    /**
     * A channel event (docs/decisions/0005): message ids and codes, never subjects or bodies.
     *
     * @param actor the local user, or the partner's code for what a partner's node did
     * @param participant the other side
     * @param messageIds the messages concerned (a delivery or receipt batch names each)
     * @param details further ids and codes (thread, kind, follow-up state)
     */
    void channel(
            AuditAction action,
            String actor,
            ParticipantCode participant,
            String outcome,
            List<java.util.UUID> messageIds,
            Map<String, String> details) {
        append(new AuditEvent(
                clock.instant(),
                action,
                token(actor),
                null,
                participant == null ? null : participant.value(),
                null,
                outcome,
                messageIds.stream().map(java.util.UUID::toString).toList(),
                List.of(),
                details));
    }

    private void append(AuditEvent e) {
        log.append(e);
    }

    /** A full hit's record id, or {@code ref:} and the reference of a hit-only answer. */
    private static String resultId(SearchResult r) {
        return switch (r) {
            case SearchResult.Hit h -> h.record().id().value();
            case SearchResult.HitOnly h -> "ref:" + h.reference();
        };
    }

    private List<String> termHashes(SearchQuery q) {
        List<String> out = new ArrayList<>();
        out.add(terms.hash("purpose:" + q.purpose().text()));
        if (q.name() != null) {
            out.add(terms.hash("name:" + q.name()));
        }
        if (q.birthDate() != null) {
            out.add(terms.hash("birthDate:" + q.birthDate()));
        }
        if (q.nationality() != null) {
            out.add(terms.hash("nationality:" + q.nationality()));
        }
        if (q.document() != null) {
            out.add(terms.hash("document:" + q.document()));
        }
        return out;
    }

    /**
     * An id made safe for the log: white space, control characters and unpaired surrogates replaced,
     * at most {@link AuditEvent#MAX_TOKEN_LENGTH} UTF-16 characters (what {@link AuditEvent} accepts).
     */
    static String token(String s) {
        if (s == null || s.isEmpty()) {
            return "-";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            int safe = Character.isWhitespace(c)
                            || Character.isSpaceChar(c)
                            || Character.isISOControl(c)
                            || (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)
                    ? '_'
                    : c;
            if (b.length() + Character.charCount(safe) > AuditEvent.MAX_TOKEN_LENGTH) {
                break;
            }
            b.appendCodePoint(safe);
        }
        return b.toString();
    }
}
