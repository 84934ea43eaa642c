package org.concordia.node;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.concordia.imports.ImportReport;
import org.concordia.model.ParticipantCode;
import org.concordia.model.Record;
import org.concordia.model.RecordId;
import org.concordia.model.RecordType;
import org.concordia.port.RecordStore;
import org.concordia.port.VersionedRecord;
import org.concordia.search.FederatedSearch;
import org.concordia.search.OwnerSearch;
import org.concordia.search.PartnerAnswer;
import org.concordia.search.PartnerGateway;
import org.concordia.search.SearchQuery;
import org.concordia.sharing.SharingAgreement;
import org.concordia.store.NodeStorage;
import org.concordia.store.NodeTables;

/**
 * One participant's node: its store, its search index, its agreements, and the federated search that
 * reaches its partners. The API controllers and the federation endpoint call this; it is assembled by
 * {@link NodeApplication}. Thread-safe.
 */
final class Node implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final NodeSettings settings;
    private final NodeStorage storage;
    private final NodeTables tables;
    private final PersonSearchIndex index;
    private final AgreementBook agreements;
    private final OwnerSearch owner;
    private final FederatedSearch federated;
    private final Supplier<List<ParticipantCode>> partners;
    private final NodeAudit audit;
    private final NodeMetrics metrics;
    private final RecordStore indexingStore;

    Node(
            NodeSettings settings,
            NodeStorage storage,
            NodeTables tables,
            PartnerGateway gateway,
            Supplier<List<ParticipantCode>> partners,
            NodeAudit audit,
            NodeMetrics metrics,
            ExecutorService executor,
            Clock clock) {
        this.settings = settings;
        this.storage = storage;
        this.tables = tables;
        this.partners = partners;
        this.audit = audit;
        this.metrics = metrics;
        this.index = PersonSearchIndex.of(
                storage.records(),
                settings.storage() instanceof NodeStorage.Location.Embedded e
                        ? e.dataDir().resolve("search-index")
                        : null);
        this.agreements = new AgreementBook(settings.participant(), tables, clock);
        this.owner = new OwnerSearch(
                settings.participant(),
                index,
                agreements::policy,
                (partner, record) -> {
                    byte[] b = new byte[16];
                    RANDOM.nextBytes(b);
                    String ref = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
                    tables.putReference(
                            new NodeTables.Reference(ref, partner, record.owner(), record.id(), clock.instant()));
                    return ref;
                },
                settings.possible(),
                settings.top());
        this.federated = new FederatedSearch(
                settings.participant(), owner::answerOwnUser, gateway, partners, settings.deadline(), executor);
        this.indexingStore = new IndexingStore(storage.records(), stored -> {
            index.add(stored);
            whenStored.forEach(Runnable::run);
        });
    }

    private final List<Runnable> whenStored = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Told of each answer to a partner's search, after it is audited. */
    @FunctionalInterface
    interface Answered {
        void answered(ParticipantCode partner, SearchQuery query, PartnerAnswer answer);
    }

    private final List<Answered> whenAnswered = new java.util.concurrent.CopyOnWriteArrayList<>();

    void whenAnswered(Answered a) {
        whenAnswered.add(a);
    }

    /** Runs {@code r} after each batch of records stored through {@link #indexingStore()}. */
    void whenStored(Runnable r) {
        whenStored.add(r);
    }

    /**
     * The model a pair of persons is scored with: the search model ({@link PersonSearchIndex}: how fields
     * agree for one person at two owners, how they agree by chance among this node's records or, while it
     * holds few, the generated data's), with the search model's prior of one in the candidates a query
     * retrieves.
     */
    org.concordia.matching.FellegiSunter matchModel() {
        org.concordia.matching.FellegiSunter m = index.model();
        return m != null ? m : AlertMatching.generatedModel();
    }

    ParticipantCode participant() {
        return settings.participant();
    }

    List<ParticipantCode> partnerCodes() {
        return partners.get().stream().filter(p -> !p.equals(participant())).toList();
    }

    AgreementBook agreements() {
        return agreements;
    }

    int indexedPersons() {
        return index.size();
    }

    /** A user's federated search; audited with the purpose and keyed hashes of the terms, and counted. */
    FederatedSearch.Outcome search(SearchQuery query, String user) {
        FederatedSearch.Outcome outcome = federated.search(query, user);
        audit.search(user, query, outcome);
        metrics.searched(outcome);
        return outcome;
    }

    /** A partner's search, answered under this owner's agreement with it; audited and counted. */
    PartnerAnswer answerPartner(ParticipantCode partner, SearchQuery query, String requester) {
        PartnerAnswer answer = owner.answerPartner(partner, query);
        audit.partnerSearch(partner, requester, query, answer);
        metrics.answered(partner, answer);
        for (Answered a : whenAnswered) {
            a.answered(partner, query, answer);
        }
        return answer;
    }

    Optional<VersionedRecord> view(ParticipantCode recordOwner, RecordId id, String user) {
        Optional<VersionedRecord> v = storage.records().find(recordOwner, id);
        audit.view(user, recordOwner, id, v.isPresent());
        return v;
    }

    /**
     * Audited before it is stored: a change the log does not hold is never in force. When storing fails
     * after that, a second entry says it was not stored.
     */
    synchronized void changeAgreement(SharingAgreement a, String user) { // the log's order is the order in force
        agreements.check(a);
        audit.agreementChanged(user, a, "changed");
        try {
            agreements.put(a, user);
        } catch (RuntimeException e) {
            try {
                audit.agreementChanged(user, a, "not_stored");
            } catch (RuntimeException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
    }

    RecordStore indexingStore() {
        return indexingStore;
    }

    void imported(String user, ImportReport report) {
        audit.imported(user, report);
    }

    NodeTables tables() {
        return tables;
    }

    @Override
    public void close() {
        index.close();
    }

    /** Stores records, then makes the stored persons searchable. */
    private record IndexingStore(RecordStore store, Consumer<List<Record>> indexer) implements RecordStore {
        @Override
        public List<SaveOutcome> save(List<Record> records) {
            List<SaveOutcome> outcomes = store.save(records);
            List<Record> changed = new java.util.ArrayList<>();
            for (int i = 0; i < records.size(); i++) {
                if (outcomes.get(i) != SaveOutcome.UNCHANGED) {
                    changed.add(records.get(i));
                }
            }
            indexer.accept(changed);
            return outcomes;
        }

        @Override
        public Optional<VersionedRecord> find(ParticipantCode owner, RecordId id) {
            return store.find(owner, id);
        }

        @Override
        public List<VersionedRecord> history(ParticipantCode owner, RecordId id) {
            return store.history(owner, id);
        }

        @Override
        public Map<RecordType, Long> countByType() {
            return store.countByType();
        }

        @Override
        public void forEachCurrent(RecordType type, Consumer<Record> action) {
            store.forEachCurrent(type, action);
        }

        @Override
        public void close() {}
    }
}
