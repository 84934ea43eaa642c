package org.concordia.node;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.concordia.cli.Matching;
import org.concordia.index.LuceneCandidateIndex;
import org.concordia.matching.Screener;
import org.concordia.model.Person;
import org.concordia.model.Record;
import org.concordia.model.RecordType;
import org.concordia.port.RecordStore;
import org.concordia.search.OwnerSearch;

/**
 * A node's search over its own person records: the matching engine's screening (Lucene candidates,
 * Fellegi-Sunter scores) behind {@link OwnerSearch.Matcher}. Built from the store at start-up, grown by
 * each import. The model: how fields agree for one person at two owners from {@link SearchModel}, how
 * they agree by chance counted among the node's own records (again each time they have doubled; the
 * generated data's while the node holds fewer than {@value #OWN_MODEL_FROM} persons), and a
 * prior of one in the candidates a query retrieves: a score is the probability that the record is the
 * person searched for, if the node holds that person.
 *
 * <p>Thread-safe: searches run in parallel, an import waits for them and they wait for it.
 */
final class PersonSearchIndex implements OwnerSearch.Matcher, AutoCloseable {
    /** Candidates scored per query (docs/benchmarks.md: p99 about 10 ms at one million persons). */
    static final int CANDIDATES = 300;

    /**
     * Below this many persons a node's own records say too little of chance agreement: the pairs among
     * their candidates are few, and two records of one person (which an owner does hold) weigh as much as
     * hundreds of others; the u probabilities of the generated data are used until then.
     */
    static final int OWN_MODEL_FROM = 1_000;

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final LuceneCandidateIndex index;
    private final Screener<?> screener;
    private final List<Person> persons = new ArrayList<>();
    /** Owner and id to the position of the newest version. */
    private final java.util.Map<Key, Integer> latest = new java.util.HashMap<>();

    /** A record's owner and id, the key of its versions (the person's own objects, nothing new per record). */
    private record Key(org.concordia.model.ParticipantCode owner, org.concordia.model.RecordId id) {
        static Key of(Person p) {
            return new Key(p.owner(), p.id());
        }
    }

    private int trainedAt;
    private org.concordia.matching.FellegiSunter model;

    /** The model in use, or null before there are two persons (the generated data's below {@link #OWN_MODEL_FROM}). */
    org.concordia.matching.FellegiSunter model() {
        return model;
    }

    private PersonSearchIndex(LuceneCandidateIndex index) {
        this.index = index;
        this.screener = new Screener<>(Matching.comparator(), index, CANDIDATES);
    }

    /**
     * The index of every person record in the store, rebuilt in {@code dir} (memory-mapped, replacing
     * what an earlier run left there), or in a temporary directory deleted on close when {@code dir} is
     * null. A node with an embedded store keeps it in its own data directory, beside the records it is
     * built from, so that nothing of them is left elsewhere if the process is killed.
     */
    static PersonSearchIndex of(RecordStore store, java.nio.file.Path dir) {
        PersonSearchIndex index = new PersonSearchIndex(
                dir == null
                        ? LuceneCandidateIndex.temporary(LuceneCandidateIndex.Retrieval.SCREENING)
                        : LuceneCandidateIndex.onDisk(dir, LuceneCandidateIndex.Retrieval.SCREENING));
        List<Person> all = new ArrayList<>();
        store.forEachCurrent(RecordType.PERSON, r -> all.add((Person) r));
        index.add(all);
        return index;
    }

    /** Adds persons (other records are ignored); a new version of a record replaces the old one's hits. */
    void add(List<? extends Record> records) {
        List<Person> added = new ArrayList<>();
        for (Record r : records) {
            if (r instanceof Person p) {
                added.add(p);
            }
        }
        if (added.isEmpty()) {
            return;
        }
        lock.writeLock().lock();
        try {
            screener.add(added);
            for (Person p : added) {
                latest.put(Key.of(p), persons.size());
                persons.add(p);
            }
            if (persons.size() >= 2 && persons.size() >= 2 * trainedAt) {
                if (persons.size() >= OWN_MODEL_FROM) {
                    model = screener.useMatchModel(SearchModel.matches(), persons, 500, 1);
                } else {
                    model = AlertMatching.generatedModel();
                    screener.useModel(model);
                }
                trainedAt = persons.size();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    int size() {
        lock.readLock().lock();
        try {
            return persons.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public List<OwnerSearch.Match> match(Person query, int top) {
        lock.readLock().lock();
        try {
            if (!screener.trained()) {
                return List.of();
            }
            // An updated record stays indexed in its earlier versions too: only its newest one counts.
            List<OwnerSearch.Match> out = new ArrayList<>();
            for (Screener.Hit h : screener.screen(query, top * 2)) {
                Person p = persons.get(h.record());
                if (latest.get(Key.of(p)) == h.record()) {
                    out.add(new OwnerSearch.Match(p, h.probability(), h.evidence()));
                }
                if (out.size() == top) {
                    break;
                }
            }
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public void close() {
        index.close();
    }
}
