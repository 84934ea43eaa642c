package org.concordia.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.concordia.matching.FieldComparison;
import org.concordia.model.ParticipantCode;
import org.concordia.model.Record;
import org.concordia.sharing.SharingAgreement;
import org.concordia.sharing.SharingPolicy;

/**
 * The owner's side of a search: its own records matched against the query, then disclosed as the
 * owner's sharing policy allows ({@link SharingPolicy}) — in full to its own users, and to a partner in
 * full, as hit-only answers with an opaque reference, or not at all (a refusal).
 *
 * <p>Thread-safe when its parts are.
 */
public final class OwnerSearch {
    /** The owner's matching engine over its own records. */
    public interface Matcher {
        /** The best {@code top} records for the query, most probable first. */
        List<Match> match(org.concordia.model.Person query, int top);
    }

    /** A record and how well it matches. */
    public record Match(Record record, double probability, List<FieldComparison> evidence) {}

    /** Issues the opaque reference of a hit-only answer, which a follow-up request later names. */
    public interface References {
        String issue(ParticipantCode partner, Record record);
    }

    private final ParticipantCode owner;
    private final Matcher matcher;
    private final Supplier<SharingPolicy> policy;
    private final References references;
    private final double minProbability;
    private final int top;

    /**
     * @param minProbability matches below this are not hits (the "possible" threshold)
     * @param top the most hits one answer carries
     */
    public OwnerSearch(
            ParticipantCode owner,
            Matcher matcher,
            Supplier<SharingPolicy> policy,
            References references,
            double minProbability,
            int top) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.matcher = Objects.requireNonNull(matcher, "matcher");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.references = Objects.requireNonNull(references, "references");
        this.minProbability = minProbability;
        this.top = top;
    }

    /** The answer to the owner's own users: every match in full. */
    public PartnerAnswer answerOwnUser(SearchQuery query) {
        List<SearchResult> results = new ArrayList<>();
        for (Match m : matches(query)) {
            results.add(hit(m));
        }
        return new PartnerAnswer.Answered(results);
    }

    /** The answer to a partner, under the owner's agreement with it. */
    public PartnerAnswer answerPartner(ParticipantCode partner, SearchQuery query) {
        SharingPolicy p = policy.get();
        SharingAgreement agreement;
        switch (p.decide(partner, query.purpose())) {
            case SharingPolicy.Decision.Refuse r -> {
                return new PartnerAnswer.Refused(r.code());
            }
            case SharingPolicy.Decision.Answer a -> agreement = a.agreement();
        }
        List<SearchResult> results = new ArrayList<>();
        for (Match m : matches(query)) {
            switch (SharingPolicy.disclose(agreement, m.record())) {
                case FULL -> results.add(hit(m));
                case HIT_ONLY -> {
                    ScoreBand band = ScoreBand.of(m.probability());
                    results.add(new SearchResult.HitOnly(
                            owner, references.issue(partner, m.record()), band != null ? band : ScoreBand.MEDIUM));
                }
                case WITHHELD -> {}
            }
        }
        return new PartnerAnswer.Answered(results);
    }

    private List<Match> matches(SearchQuery query) {
        List<Match> out = new ArrayList<>();
        for (Match m : matcher.match(query.asPerson(owner), top)) {
            if (m.probability() >= minProbability) {
                out.add(m);
            }
        }
        return out;
    }

    private SearchResult.Hit hit(Match m) {
        return new SearchResult.Hit(
                owner,
                m.record(),
                m.probability(),
                m.evidence().stream().map(Evidence::of).toList());
    }
}
