package org.concordia.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.MMapDirectory;
import org.concordia.matching.BlockingKeys;
import org.concordia.model.Person;
import org.concordia.port.CandidateIndex;

/**
 * {@link CandidateIndex} on embedded Apache Lucene: one keyword field holding the person's {@link
 * BlockingKeys}, searched with a disjunction of the query's keys under BM25 without length
 * normalisation (b = 0), so rare keys (an unusual family name, a document number) weigh more than
 * common ones (MOHAMED, a birth year) and Lucene's block-max WAND skips what cannot reach the top.
 * Document numbers are boosted: an equal number is the strongest single sign.
 *
 * <p>Thread-safe for queries after {@link #refresh()}; adds are serialised by Lucene's writer.
 */
public final class LuceneCandidateIndex implements CandidateIndex {
    private static final String KEYS = "k";
    private static final String ORDINAL = "o";
    /**
     * What the candidates are for. Both index the same keys; they query differently.
     *
     * <ul>
     *   <li>{@link #LINKING}: name, skeleton, prefix, year, full date and document keys, each at its
     *       BM25 weight. The linker estimates its model from the candidate population, and widening
     *       that population with look-alikes that share only a date or a birth place shifted the
     *       estimate: with birth-place keys historical_50k pairwise F1 was 0.33, without 0.59
     *       (generated data 0.50 and 0.59, FEBRL 4 unchanged). Leaving out the full date too gave
     *       0.63 and 0.78 but linked 143 of 2,451 generated look-alike pairs instead of 6.
     *   <li>{@link #SCREENING}: also the birth month and joined name tokens, and a full birth date
     *       weighing as much as two or three name keys, so that a traveller whose name is written in
     *       another script (ณัฐพล ทองคำ, Natthaphon Thongkham) and shares only the date is not
     *       outranked by everyone sharing a common family-name token (recall@10 on one million
     *       persons 0.893 to 0.927 with 200 candidates).
     * </ul>
     */
    public enum Retrieval {
        LINKING(1f, Set.of("m:", "j:", "p:")),
        SCREENING(2.5f, Set.of());

        final float fullDateBoost;
        final Set<String> ignoredPrefixes;

        Retrieval(float fullDateBoost, Set<String> ignoredPrefixes) {
            this.fullDateBoost = fullDateBoost;
            this.ignoredPrefixes = ignoredPrefixes;
        }
    }

    private static final BM25Similarity SIMILARITY = new BM25Similarity(1.2f, 0f);

    private final Directory directory;
    private final IndexWriter writer;
    private final Retrieval retrieval;
    private volatile IndexSearcher searcher;
    private volatile int[] ordinals = new int[0];
    private final Path deleteOnClose;

    private LuceneCandidateIndex(Directory directory, Retrieval retrieval) {
        this(directory, retrieval, null);
    }

    /** @param deleteOnClose a directory to delete (with its files) when closed, or null */
    private LuceneCandidateIndex(Directory directory, Retrieval retrieval, Path deleteOnClose) {
        this.retrieval = retrieval;
        this.deleteOnClose = deleteOnClose;
        try {
            this.directory = directory;
            IndexWriterConfig config = new IndexWriterConfig();
            config.setSimilarity(SIMILARITY);
            config.setRAMBufferSizeMB(256);
            config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
            this.writer = new IndexWriter(directory, config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the candidate index", e);
        }
    }

    /** An index held in memory for linking. */
    public static LuceneCandidateIndex inMemory() {
        return inMemory(Retrieval.LINKING);
    }

    /** An index held in memory, for batch jobs (link, screen). */
    public static LuceneCandidateIndex inMemory(Retrieval retrieval) {
        return new LuceneCandidateIndex(new ByteBuffersDirectory(), retrieval);
    }

    /**
     * An index in a new temporary directory, memory-mapped (Lucene's {@link MMapDirectory}) and deleted
     * when closed: for a server that rebuilds its index at start. The operating system's page cache
     * holds it, outside the Java heap; a query's reads are views on the mapping, where {@link
     * ByteBuffersDirectory} duplicates a buffer for every term and segment it reads (in the
     * federation benchmark about half of all bytes the JVM allocated, 10 MB per federated search).
     */
    public static LuceneCandidateIndex temporary(Retrieval retrieval) {
        try {
            Path dir = Files.createTempDirectory("concordia-index-");
            return new LuceneCandidateIndex(new MMapDirectory(dir), retrieval, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the candidate index", e);
        }
    }

    /** An index in a directory of a node's data directory, replaced when opened. */
    public static LuceneCandidateIndex onDisk(Path dir, Retrieval retrieval) {
        try {
            return new LuceneCandidateIndex(FSDirectory.open(dir), retrieval);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the candidate index directory", e);
        }
    }

    @Override
    public void add(int ordinal, Person person) {
        Document doc = new Document();
        for (String key : BlockingKeys.of(person)) {
            doc.add(new StringField(KEYS, key, Field.Store.NO));
        }
        doc.add(new NumericDocValuesField(ORDINAL, ordinal));
        try {
            writer.addDocument(doc);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot add to the candidate index", e);
        }
    }

    /**
     * Makes what was added searchable, merged into one segment first. A query pays for every segment
     * it reads (term look-up, postings and scorer set-up per segment): on 200,000 persons imported in
     * batches of 5,000, the nine segments Lucene's tiered merge policy left cost 0.61 ms and 1.9 MB of
     * allocation a query, one segment 0.31 ms and 0.28 MB. The index holds keys only (about 33 bytes a
     * person), so rewriting it whole costs about 0.1 s per 200,000 persons at each refresh.
     */
    @Override
    public void refresh() {
        try {
            writer.forceMerge(1);
            writer.commit();
            DirectoryReader reader = DirectoryReader.open(writer);
            IndexSearcher s = new IndexSearcher(reader);
            s.setSimilarity(SIMILARITY);
            int[] map = new int[reader.maxDoc()];
            for (LeafReaderContext leaf : reader.leaves()) {
                NumericDocValues values = leaf.reader().getNumericDocValues(ORDINAL);
                if (values == null) {
                    continue;
                }
                for (int d = values.nextDoc(); d != NumericDocValues.NO_MORE_DOCS; d = values.nextDoc()) {
                    map[leaf.docBase + d] = (int) values.longValue();
                }
            }
            IndexSearcher old = searcher;
            ordinals = map;
            searcher = s;
            if (old != null) {
                old.getIndexReader().close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot refresh the candidate index", e);
        }
    }

    @Override
    public List<Candidate> candidates(Person query, int max) {
        IndexSearcher s = searcher;
        if (s == null) {
            return List.of();
        }
        List<String> keys = BlockingKeys.of(query);
        if (keys.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String key : keys) {
            if (key.length() > 2 && retrieval.ignoredPrefixes.contains(key.substring(0, 2))) {
                continue;
            }
            if (retrieval == Retrieval.SCREENING && (key.startsWith("j:") || key.startsWith("n:"))) {
                // a join on one side is one token on the other: JIAN GUO ~ JIANGUO
                String other = (key.startsWith("j:") ? "n:" : "j:") + key.substring(2);
                b.add(new TermQuery(new Term(KEYS, other)), BooleanClause.Occur.SHOULD);
            }
            Query q = new TermQuery(new Term(KEYS, key));
            if (key.startsWith("d:")) {
                q = new BoostQuery(q, 3f);
            } else if (key.startsWith("t:")) {
                q = retrieval.fullDateBoost == 1f ? q : new BoostQuery(q, retrieval.fullDateBoost);
            } else if (key.startsWith("y:") || key.startsWith("f:")) {
                q = new BoostQuery(q, 0.5f);
            }
            b.add(q, BooleanClause.Occur.SHOULD);
        }
        try {
            TopDocs top = s.search(b.build(), max);
            int[] map = ordinals;
            List<Candidate> out = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc sd : top.scoreDocs) {
                out.add(new Candidate(map[sd.doc], sd.score));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search the candidate index", e);
        }
    }

    /** The segments a query reads now (for tests). */
    int segments() {
        IndexSearcher s = searcher;
        return s == null ? 0 : s.getIndexReader().leaves().size();
    }

    @Override
    public void close() {
        try {
            IndexSearcher s = searcher;
            if (s != null) {
                s.getIndexReader().close();
            }
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the candidate index", e);
        } finally {
            deleteTemporaryDirectory();
        }
    }

    /** The temporary directory's files hold blocking keys of names: deleted whatever closing threw. */
    private void deleteTemporaryDirectory() {
        if (deleteOnClose == null) {
            return;
        }
        try (var files = Files.walk(deleteOnClose)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the candidate index's temporary directory", e);
        }
    }
}
