package org.concordia.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.concordia.matching.Agreement;
import org.concordia.matching.FellegiSunter;
import org.concordia.matching.FieldComparison;
import org.concordia.matching.RecordComparator;
import org.concordia.model.CountryRef;
import org.concordia.model.DocumentRef;
import org.concordia.model.Envelope;
import org.concordia.model.Firearm;
import org.concordia.model.Person;
import org.concordia.model.Record;
import org.concordia.model.RecordType;
import org.concordia.model.TravelDocument;
import org.concordia.model.Vehicle;
import org.concordia.port.CandidateIndex;

/**
 * The active alerts a node holds, for checking records against all of them at once: the continuous
 * matching of flow 4 (DESIGN.md). Two ways to a hit:
 *
 * <ul>
 *   <li><b>Persons</b> (an alert's subject person; a record's person, or a travel document's holder):
 *       candidates from a {@link CandidateIndex} over the alert subjects' blocking keys, each compared
 *       field by field ({@link RecordComparator}) and scored as a pair with a Fellegi-Sunter model (Fellegi
 *       and Sunter, JASA 1969); a pair at or above the threshold is a hit. The decision is the pair's
 *       own, not relative to the other candidates (as a search's ranking is), so whether a record hits
 *       an alert does not depend on which came first or on what else is held.
 *   <li><b>Identifiers</b>: a travel document number (ICAO Doc 9303 normalised), a vehicle
 *       identification number (ISO 3779), a registration plate with its country, a firearm serial
 *       number: equal identifiers are a hit (probability 1) unless the issuing country, registration
 *       country or make, known on both sides, differ. A subject person's documents are identifiers
 *       too: a record holding the passport of a wanted person hits whatever name it gives.
 * </ul>
 *
 * An update of an alert replaces its earlier version; a cancelled or expired alert stops matching at
 * once (it is skipped; the space it held is reclaimed when dead entries outnumber live ones).
 *
 * <p>Thread-safe: checks run in parallel; a change waits for them and they wait for it.
 *
 * @param <P> the comparator's prepared form of a person
 */
public final class AlertIndex<P> implements AutoCloseable {
    /**
     * A hit: the alert, the probability that the record is its subject, what it rests on ({@code
     * person} or the identifier's kind: {@code document}, {@code vin}, {@code plate}, {@code serial}),
     * and the field comparisons (for a person match; the explanation quotes values: show it only to
     * officers entitled to both records, never log it).
     */
    public record Match(Alert alert, double probability, String on, List<FieldComparison> evidence) {}

    private final RecordComparator<P> comparator;
    private final Supplier<CandidateIndex> newIndex;
    private final Supplier<FellegiSunter> model;
    private final int candidates;
    private final double threshold;

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private CandidateIndex index;
    /** Alerts held, by id: the newest version of each, active or not. */
    private final Map<UUID, Alert> alerts = new HashMap<>();
    /** Person-subject alerts by ordinal in {@link #index}, their subjects' prepared form, whether each is still live. */
    private final List<Alert> personAlerts = new ArrayList<>();

    private final List<P> prepared = new ArrayList<>();
    private final BitSet live = new BitSet();
    private final Map<UUID, Integer> ordinals = new HashMap<>();
    /** Identifier key to the ids of the alerts that carry it. */
    private final Map<String, List<UUID>> identifiers = new HashMap<>();

    /**
     * @param newIndex makes an empty candidate index (again when dead entries are reclaimed)
     * @param model the model a person pair is scored with (read at each check: it may be re-estimated)
     * @param candidates candidates retrieved per checked person
     * @param threshold the match probability from which a pair is a hit
     */
    public AlertIndex(
            RecordComparator<P> comparator,
            Supplier<CandidateIndex> newIndex,
            Supplier<FellegiSunter> model,
            int candidates,
            double threshold) {
        this.comparator = Objects.requireNonNull(comparator, "comparator");
        this.newIndex = Objects.requireNonNull(newIndex, "newIndex");
        this.model = Objects.requireNonNull(model, "model");
        this.candidates = candidates;
        this.threshold = threshold;
        this.index = newIndex.get();
    }

    /**
     * Holds these alerts (each replacing an earlier version of itself; an older or equal version than
     * the one held is ignored) and makes them searchable at once.
     *
     * @return the alerts taken (newer than what was held)
     */
    public List<Alert> putAll(Collection<Alert> batch) {
        List<Alert> taken = new ArrayList<>();
        lock.writeLock().lock();
        try {
            boolean added = false;
            for (Alert a : batch) {
                Alert held = alerts.get(a.id());
                if (held != null && held.version() >= a.version()) {
                    continue;
                }
                if (held != null) {
                    forget(held);
                }
                alerts.put(a.id(), a);
                taken.add(a);
                if (a.status() == Alert.Status.ACTIVE) {
                    added |= remember(a);
                }
            }
            if (added) {
                index.refresh();
            }
            reclaimIfMostlyDead();
        } finally {
            lock.writeLock().unlock();
        }
        return taken;
    }

    /** Like {@link #putAll} for one alert; true when it was newer than what was held. */
    public boolean put(Alert a) {
        return !putAll(List.of(a)).isEmpty();
    }

    /** The newest version held of an alert. */
    public Optional<Alert> get(UUID id) {
        lock.readLock().lock();
        try {
            return Optional.ofNullable(alerts.get(id));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** How many alerts are active at {@code now}. */
    public int activeAt(Instant now) {
        lock.readLock().lock();
        try {
            return (int) alerts.values().stream().filter(a -> a.activeAt(now)).count();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Stops matching alerts expired at {@code now} (they match no more anyway; this frees their space). */
    public void dropExpired(Instant now) {
        lock.writeLock().lock();
        try {
            for (Alert a : List.copyOf(alerts.values())) {
                if (a.status() == Alert.Status.ACTIVE && !now.isBefore(a.validUntil())) {
                    forget(a);
                }
            }
            reclaimIfMostlyDead();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * The active alerts {@code record} hits at {@code now}, at most one match per alert (the most
     * probable way), most probable first. A record of the alert's own owner is not checked against it.
     */
    public List<Match> check(Record record, Instant now) {
        Map<UUID, Match> best = new LinkedHashMap<>();
        lock.readLock().lock();
        try {
            if (alerts.isEmpty()) {
                return List.of();
            }
            Person person = asPerson(record);
            if (person != null && live.cardinality() > 0) {
                FellegiSunter m = model.get();
                P query = comparator.prepare(person);
                // dead entries (earlier versions, cancelled alerts) stay in the candidate index until reclaimed:
                // fetch as many more as there are, so that they cannot push live alerts out
                int dead = personAlerts.size() - live.cardinality();
                int taken = 0;
                for (CandidateIndex.Candidate c :
                        index.candidates(person, candidates + Math.min(dead, 4 * candidates))) {
                    int o = c.ordinal();
                    Alert a = personAlerts.get(o);
                    if (!live.get(o) || !a.activeAt(now) || a.owner().equals(record.owner())) {
                        continue;
                    }
                    if (++taken > candidates) {
                        break;
                    }
                    List<FieldComparison> v = comparator.compare(query, prepared.get(o));
                    double p = m.probability(FellegiSunter.levels(v));
                    if (p >= threshold) {
                        keep(best, new Match(a, p, "person", v));
                    }
                }
            }
            for (Identifier id : identifiers(record)) {
                for (UUID alertId : identifiers.getOrDefault(id.key(), List.of())) {
                    Alert a = alerts.get(alertId);
                    if (a == null || !a.activeAt(now) || a.owner().equals(record.owner())) {
                        continue;
                    }
                    for (Identifier theirs : identifiers(a.subject())) {
                        if (theirs.key().equals(id.key()) && compatible(theirs.qualifier(), id.qualifier())) {
                            FieldComparison f = new FieldComparison(
                                    id.kind(), Agreement.EXACT, 1.0, id.kind() + ": identical", false);
                            keep(best, new Match(a, 1.0, id.kind(), List.of(f)));
                            break;
                        }
                    }
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        List<Match> out = new ArrayList<>(best.values());
        out.sort((x, y) -> Double.compare(y.probability(), x.probability()));
        return out;
    }

    private static void keep(Map<UUID, Match> best, Match m) {
        Match held = best.get(m.alert().id());
        if (held == null || held.probability() < m.probability()) {
            best.put(m.alert().id(), m);
        }
    }

    /** Indexes an active alert's subject; true when a person was added to the candidate index. */
    private boolean remember(Alert a) {
        for (Identifier id : identifiers(a.subject())) {
            List<UUID> ids = identifiers.computeIfAbsent(id.key(), k -> new ArrayList<>(1));
            if (!ids.contains(a.id())) {
                ids.add(a.id());
            }
        }
        if (!(a.subject() instanceof Person p)) {
            return false;
        }
        int o = personAlerts.size();
        personAlerts.add(a);
        prepared.add(comparator.prepare(p));
        live.set(o);
        ordinals.put(a.id(), o);
        index.add(o, p);
        return true;
    }

    private void forget(Alert a) {
        Integer o = ordinals.remove(a.id());
        if (o != null) {
            live.clear(o);
        }
        for (Identifier id : identifiers(a.subject())) {
            List<UUID> ids = identifiers.get(id.key());
            if (ids != null) {
                ids.remove(a.id());
                if (ids.isEmpty()) {
                    identifiers.remove(id.key());
                }
            }
        }
    }

    /** Rebuilds the candidate index of live person subjects when dead entries outnumber them. */
    private void reclaimIfMostlyDead() {
        int dead = personAlerts.size() - live.cardinality();
        if (dead < 1_000 || dead < live.cardinality()) {
            return;
        }
        List<Alert> keptAlerts = new ArrayList<>();
        List<P> keptPrepared = new ArrayList<>();
        for (int o = live.nextSetBit(0); o >= 0; o = live.nextSetBit(o + 1)) {
            keptAlerts.add(personAlerts.get(o));
            keptPrepared.add(prepared.get(o));
        }
        CandidateIndex fresh = newIndex.get();
        personAlerts.clear();
        prepared.clear();
        live.clear();
        ordinals.clear();
        for (int o = 0; o < keptAlerts.size(); o++) {
            personAlerts.add(keptAlerts.get(o));
            prepared.add(keptPrepared.get(o));
            live.set(o);
            ordinals.put(keptAlerts.get(o).id(), o);
            fresh.add(o, (Person) keptAlerts.get(o).subject()); // person alerts only are indexed
        }
        fresh.refresh();
        CandidateIndex old = index;
        index = fresh;
        old.close();
    }

    /** Frees the candidate index. */
    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            index.close();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The person a record describes, for matching against subject persons; null when none. */
    static Person asPerson(Record record) {
        return switch (record) {
            case Person p -> p;
            case TravelDocument d
            when !d.holderNames().isEmpty() -> {
                Envelope e = d.envelope();
                Envelope asPerson = new Envelope(
                        e.id(),
                        RecordType.PERSON,
                        e.owner(),
                        e.handling(),
                        e.grading(),
                        e.purpose(),
                        e.legalBasis(),
                        e.created(),
                        e.retainUntil(),
                        e.reviewBy());
                yield new Person(
                        asPerson,
                        d.holderNames(),
                        d.holderSex(),
                        d.holderBirthDate(),
                        null,
                        d.holderNationality() == null ? List.of() : List.of(d.holderNationality()),
                        List.of(new DocumentRef(
                                d.documentType(),
                                d.number(),
                                d.normalizedNumber(),
                                d.issuingCountry(),
                                d.expiryDate())));
            }
            default -> null;
        };
    }

    /**
     * An identifier of a record: its key (kind and normalised value), its kind as a hit names it, and
     * what must not differ when known on both sides (issuing or registration country, make).
     */
    record Identifier(String key, String kind, String qualifier) {}

    static List<Identifier> identifiers(Record record) {
        List<Identifier> out = new ArrayList<>(2);
        switch (record) {
            case Person p -> {
                for (DocumentRef d : p.documents()) {
                    document(d.normalizedNumber(), d.country(), out);
                }
            }
            case TravelDocument d -> document(d.normalizedNumber(), d.issuingCountry(), out);
            case Vehicle v -> {
                if (v.normalizedVin() != null && !v.normalizedVin().isBlank()) {
                    out.add(new Identifier("v:" + v.normalizedVin(), "vin", null));
                }
                if (v.normalizedPlate() != null
                        && !v.normalizedPlate().isBlank()
                        && v.registrationCountry() != null
                        && v.registrationCountry().isKnown()) {
                    out.add(new Identifier(
                            "p:" + v.registrationCountry().alpha3() + ":" + v.normalizedPlate(), "plate", null));
                }
            }
            case Firearm f -> {
                if (!f.normalizedSerialNumber().isBlank()) {
                    out.add(new Identifier("g:" + f.normalizedSerialNumber(), "serial", make(f.make())));
                }
            }
            default -> {}
        }
        return out;
    }

    private static void document(String number, CountryRef country, List<Identifier> out) {
        // very short numbers (an internal reference, a typo) would hit at random
        if (number != null && number.length() >= 5) {
            out.add(new Identifier("d:" + number, "document", country == null ? null : country.alpha3()));
        }
    }

    private static String make(String make) {
        if (make == null) {
            return null;
        }
        String m = make.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        return m.isEmpty() ? null : m;
    }

    private static boolean compatible(String a, String b) {
        return a == null || b == null || a.equals(b);
    }
}
