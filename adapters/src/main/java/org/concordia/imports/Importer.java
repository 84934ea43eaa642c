package org.concordia.imports;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.concordia.json.Decoded;
import org.concordia.json.RecordDecoder;
import org.concordia.model.Record;
import org.concordia.port.RecordStore;
import org.concordia.port.RecordStore.SaveOutcome;
import org.concordia.port.StoreException;
import org.concordia.problem.Problem;

/**
 * Reads a source, validates and normalises each record, and stores the accepted ones in batches:
 * flow 1 of the design (import → validate → normalise → store). Decoding runs in parallel on the
 * common pool; each batch is stored in one transaction while the next one is decoded. A record id
 * seen twice in a file is stored twice, in file order (the second becomes a new version).
 *
 * <p>Without a store it validates only. Not thread-safe: one import per instance at a time.
 */
public final class Importer {
    public static final int DEFAULT_BATCH_SIZE = 5_000;

    private final RecordDecoder decoder;
    private final RecordStore store;
    private final int batchSize;

    /** @param store where accepted records go, or null to validate only */
    public Importer(RecordDecoder decoder, RecordStore store, int batchSize) {
        this.decoder = decoder;
        this.store = store;
        this.batchSize = batchSize;
    }

    private static final class Tally {
        long read;
        long accepted;
        long rejected;
        long skipped;
        long warnings;
        long created;
        long updated;
        long unchanged;
        final List<ImportReport.Entry> problems = new ArrayList<>();
        boolean truncated;

        void problem(long line, String id, Problem p) {
            if (problems.size() < ImportReport.MAX_PROBLEMS) {
                problems.add(new ImportReport.Entry(
                        line, id, p.pointer(), p.code().code(), p.severity().name().toLowerCase(Locale.ROOT), p.message()));
            } else {
                truncated = true;
            }
        }
    }

    /**
     * Runs the import.
     *
     * @throws IOException when the file cannot be read any more (what was stored before stays stored)
     * @throws StoreException when the store fails (the failing batch is not stored; earlier ones are)
     */
    public ImportReport run(RecordSource source, String file, String format) throws IOException {
        long started = System.nanoTime();
        Tally tally = new Tally();
        ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "import-writer");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<?> pending = null;
            List<SourceItem> chunk = new ArrayList<>(batchSize);
            boolean more = true;
            while (more) {
                chunk.clear();
                SourceItem item;
                while (chunk.size() < batchSize && (item = source.next()) != null) {
                    chunk.add(item);
                }
                more = chunk.size() == batchSize;
                List<Decoded> decoded = chunk.parallelStream()
                        .map(i -> i instanceof SourceItem.Json j ? decoder.decode(j.json()) : null)
                        .toList();
                List<Record> accepted = new ArrayList<>(chunk.size());
                for (int i = 0; i < chunk.size(); i++) {
                    SourceItem it = chunk.get(i);
                    tally.read++;
                    switch (it) {
                        case SourceItem.Unreadable u -> {
                            tally.rejected++;
                            tally.problem(u.line(), null, u.problem());
                        }
                        case SourceItem.Skipped s -> tally.skipped++;
                        case SourceItem.Json j -> {
                            Decoded d = decoded.get(i);
                            switch (d) {
                                case Decoded.Accepted a -> {
                                    tally.accepted++;
                                    accepted.add(a.record());
                                    for (Problem p : a.problems()) {
                                        tally.warnings++;
                                        tally.problem(j.line(), a.record().id().value(), p);
                                    }
                                }
                                case Decoded.Rejected r -> {
                                    tally.rejected++;
                                    for (Problem p : r.problems()) {
                                        if (!p.isError()) {
                                            tally.warnings++;
                                        }
                                        tally.problem(j.line(), r.id(), p);
                                    }
                                }
                            }
                        }
                    }
                }
                if (store != null && !accepted.isEmpty()) {
                    await(pending);
                    pending = writer.submit(() -> storeInOrder(accepted, tally));
                }
            }
            await(pending);
        } finally {
            writer.shutdownNow();
        }
        return new ImportReport(
                file, format, store != null, tally.read, tally.accepted, tally.rejected, tally.skipped, tally.warnings,
                tally.created, tally.updated, tally.unchanged, tally.problems, tally.truncated,
                (System.nanoTime() - started) / 1_000_000);
    }

    private static void await(Future<?> f) {
        if (f == null) {
            return;
        }
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("import interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StoreException se) {
                throw se;
            }
            throw new StoreException("import failed while storing", e.getCause());
        }
    }

    /** Stores a chunk, split where an id repeats so that file order decides which version is current. */
    private void storeInOrder(List<Record> records, Tally tally) {
        List<Record> part = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Record r : records) {
            if (!keys.add(r.owner().value() + '\u0000' + r.id().value())) {
                count(store.save(part), tally);
                part = new ArrayList<>();
                keys.clear();
                keys.add(r.owner().value() + '\u0000' + r.id().value());
            }
            part.add(r);
        }
        count(store.save(part), tally);
    }

    private static void count(List<SaveOutcome> outcomes, Tally tally) {
        synchronized (tally) {
            for (SaveOutcome o : outcomes) {
                switch (o) {
                    case CREATED -> tally.created++;
                    case UPDATED -> tally.updated++;
                    case UNCHANGED -> tally.unchanged++;
                }
            }
        }
    }
}
