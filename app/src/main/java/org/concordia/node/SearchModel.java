package org.concordia.node;

import java.util.ArrayList;
import java.util.List;
import org.concordia.cli.Matching;
import org.concordia.generator.PeopleGenerator;
import org.concordia.index.LuceneCandidateIndex;
import org.concordia.matching.FellegiSunter;
import org.concordia.matching.Screener;
import org.concordia.model.Person;

/**
 * How fields agree when two owners hold the same person (the m probabilities of the search model). A
 * node cannot estimate them from its own records, which rarely hold one person twice (EM on them finds
 * "people of one country" instead); so they are estimated once per JVM, by EM (anchor start, monotone
 * weights: {@link org.concordia.matching.EmEstimator}), on records that the project's generator writes
 * of the same people at different owners, in different scripts and with their typical errors. The u
 * probabilities come from each node's own records ({@link Screener#useMatchModel}).
 */
final class SearchModel {
    /** People generated to estimate m: about 6,000 records, a few seconds. */
    static final int PEOPLE = 3_000;

    private static FellegiSunter matches;

    private SearchModel() {}

    static synchronized FellegiSunter matches() {
        if (matches == null) {
            matches = estimate();
        }
        return matches;
    }

    private static FellegiSunter estimate() {
        List<Person> persons = new ArrayList<>();
        for (var r : new PeopleGenerator(1).records(PEOPLE)) {
            if (r instanceof Person p) {
                persons.add(p);
            }
        }
        try (LuceneCandidateIndex index = LuceneCandidateIndex.inMemory(LuceneCandidateIndex.Retrieval.SCREENING)) {
            Screener<?> screener = new Screener<>(Matching.comparator(), index, PersonSearchIndex.CANDIDATES);
            screener.index(persons);
            return screener.trainOnIndexed(persons, 1_000, 1);
        }
    }
}
