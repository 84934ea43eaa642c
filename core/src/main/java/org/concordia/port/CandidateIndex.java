package org.concordia.port;

import java.util.List;
import org.concordia.model.Person;

/**
 * Candidate retrieval for matching: stores each person's {@link org.concordia.matching.BlockingKeys}
 * and returns, for a query person, the stored persons sharing the most informative keys. It only
 * retrieves; comparison and scoring are the matching engine's.
 *
 * <p>Contract: {@link #add} then {@link #refresh} makes persons visible to {@link #candidates};
 * ids are the records' ids as given; results never hold null, are ordered by retrieval score,
 * best first, and hold at most {@code max} entries. Thread-safe for concurrent queries.
 */
public interface CandidateIndex extends AutoCloseable {
    /** A retrieved candidate: the internal ordinal given at {@link #add} and a retrieval score (not a match probability). */
    record Candidate(int ordinal, float retrievalScore) {}

    /** Adds a person under {@code ordinal} (the caller's handle for it, for example a position in a list). */
    void add(int ordinal, Person person);

    /** Makes everything added so far searchable. */
    void refresh();

    /** Candidates for {@code query}, best first, at most {@code max}. */
    List<Candidate> candidates(Person query, int max);

    @Override
    void close();
}
