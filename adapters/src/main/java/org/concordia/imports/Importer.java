package org.concordia.imports;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
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
 * flow 1 of the design (import → validate → normalise → store). Three stages overlap: a reader
 * thread reads the next chunk of the file, the calling thread parses and decodes the current chunk
 * in parallel (common fork-join pool), and a writer thread stores the previous chunk in one
 * transaction. A record id seen twice in a file is stored twice, in file order (the second becomes
 * a new version).
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
                        line,
                        id,
                        p.pointer(),
                        p.code().code(),
                        p.severity().name().toLowerCase(Locale.ROOT),
                        p.message()));
            } else {
                truncated = true;
            }
        }
    }

    /** A chunk of the file as the reader hands it over: items, the end, or the reason reading stopped. */
    private record Chunk(List<SourceItem> items, IOException failure, boolean last) {}

    /**
     * Runs the import.
     *
     * @throws IOException when the file cannot be read any more (what was stored before stays stored)
     * @throws StoreException when the store fails (the failing batch is not stored; earlier ones are)
     */
    public ImportReport run(RecordSource source, String file, String format) throws IOException {
        long started = System.nanoTime();
        Tally tally = new Tally();
        BlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(2);
        ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "import");
            t.setDaemon(true);
            return t;
        });
        try {
            threads.submit(() -> readChunks(source, chunks));
            Future<?> pending = null;
            while (true) {
                Chunk chunk = take(chunks);
                if (chunk.failure() != null) {
                    await(pending);
                    throw chunk.failure();
                }
                List<Record> accepted = decodeAndCount(chunk.items(), tally);
                if (store != null && !accepted.isEmpty()) {
                    await(pending);
                    pending = threads.submit(() -> storeInOrder(accepted, tally));
                }
                if (chunk.last()) {
                    break;
                }
            }
            await(pending);
        } finally {
            threads.shutdownNow();
        }
        return new ImportReport(
                file,
                format,
                store != null,
                tally.read,
                tally.accepted,
                tally.rejected,
                tally.skipped,
                tally.warnings,
                tally.created,
                tally.updated,
                tally.unchanged,
                tally.problems,
                tally.truncated,
                (System.nanoTime() - started) / 1_000_000);
    }

    private void readChunks(RecordSource source, BlockingQueue<Chunk> chunks) {
        try {
            while (true) {
                List<SourceItem> items = new ArrayList<>(batchSize);
                SourceItem item = null;
                while (items.size() < batchSize && (item = source.next()) != null) {
                    items.add(item);
                }
                boolean last = item == null;
                chunks.put(new Chunk(items, null, last));
                if (last) {
                    return;
                }
            }
        } catch (IOException e) {
            putQuietly(chunks, new Chunk(List.of(), e, true));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void putQuietly(BlockingQueue<Chunk> chunks, Chunk c) {
        try {
            chunks.put(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Chunk take(BlockingQueue<Chunk> chunks) {
        try {
            return chunks.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("import interrupted", e);
        }
    }

    /** Parses and decodes a chunk in parallel, then counts it in file order; returns the accepted records. */
    private List<Record> decodeAndCount(List<SourceItem> chunk, Tally tally) {
        List<SourceItem> parsed = chunk.parallelStream()
                .map(i -> i instanceof SourceItem.Raw raw ? raw.parse() : i)
                .toList();
        List<Decoded> decoded = parsed.parallelStream()
                .map(i -> i instanceof SourceItem.Json j ? decoder.decode(j.json()) : null)
                .toList();
        List<Record> accepted = new ArrayList<>(chunk.size());
        for (int i = 0; i < parsed.size(); i++) {
            tally.read++;
            switch (parsed.get(i)) {
                case SourceItem.Unreadable u -> {
                    tally.rejected++;
                    tally.problem(u.line(), null, u.problem());
                }
                case SourceItem.Skipped s -> tally.skipped++;
                case SourceItem.Raw r -> throw new IllegalStateException("parsed above");
                case SourceItem.Json j -> {
                    switch (decoded.get(i)) {
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
        return accepted;
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
