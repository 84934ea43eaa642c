package org.concordia.matching;

import java.util.ArrayList;
import java.util.List;
import org.concordia.model.Person;
import org.concordia.port.CandidateIndex;

/** A candidate index for tests about scoring and decisions, not retrieval: every person added is a candidate, in the order added. */
public final class EveryoneIndex implements CandidateIndex {
    private final List<Integer> added = new ArrayList<>();

    @Override
    public void add(int ordinal, Person person) {
        added.add(ordinal);
    }

    @Override
    public void refresh() {}

    @Override
    public List<Candidate> candidates(Person query, int max) {
        return added.stream().limit(max).map(o -> new Candidate(o, 1f)).toList();
    }

    @Override
    public void close() {}
}
