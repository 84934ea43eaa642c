package org.concordia.generator;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates synthetic Person records as partner police organisations hold them, with the ground
 * truth of which records are the same person, for the demo, tests, benchmarks and matcher
 * evaluation.
 *
 * <p>Each generated person gets one to four records (about two on average), each held by a
 * different owner among INTERPOL, EUROPOL, AFRIPOL, ASEANAPOL, GCCPOL and AMERIPOL. Names come from
 * Arabic, Russian, Ukrainian, Chinese, Thai, European and Spanish/Portuguese pools; each record
 * spells them its own way: original script or one of several transliterations, diacritics kept or
 * folded, name order and layout, capitals, a missing middle name, keying errors in about one
 * record in ten. Birth dates are sometimes partial, swapped or absent; nationalities are written as
 * alpha-2, alpha-3, ICAO codes or English, French or Spanish names; document numbers appear with or
 * without separators. About 5 % of people belong to a pair of different people generated to look
 * alike (namesakes, twins, father and son).
 *
 * <p>Output, all UTF-8 with {@code \n} line ends:
 *
 * <ul>
 *   <li>{@value #RECORDS_FILE}: one exchange-model v1 Person record per line, owners mixed; record
 *       ids {@code OWNER-000001} are unique and numbered per owner in file order, so neither ids nor
 *       positions tell which records belong together (records are shuffled within a window).
 *   <li>{@value #TRUTH_FILE}: header {@code record_id,person_id}, then one line per record in file
 *       order; person ids are {@code P0000001}...
 *   <li>{@value #LOOKALIKES_FILE}: header {@code person_a,person_b,kind}, kind one of {@code
 *       same_name_different_birth}, {@code twins}, {@code father_son}; person_a is the lower id
 *       (the father in {@code father_son}).
 * </ul>
 *
 * No value in the CSV files needs quoting. Output is a function of the seed and the number of
 * people only: the same arguments give byte-identical files, on any machine and on any day. Records
 * are streamed: memory does not grow with the number of people.
 *
 * <p>Thread-safe: an instance holds only its seed, and each call works on its own state.
 */
public final class PeopleGenerator {
    public static final String RECORDS_FILE = "records.ndjson";
    public static final String TRUTH_FILE = "truth.csv";
    public static final String LOOKALIKES_FILE = "lookalikes.csv";

    /**
     * Chance that the next person starts a look-alike pair: a pair adds two people, so q/(1+q) of
     * draws give pairs and 2q/(1+q) = 5 % of people are in one.
     */
    static final double PAIR_RATE = 0.05 / 1.95;

    /** Records held back and written in random order, so a person's records do not sit together. */
    static final int SHUFFLE_WINDOW = 4096;

    private static final Lookalike[] KINDS = Lookalike.values();
    private static final int[] KIND_WEIGHTS = {40, 30, 30};
    // 1, 2, 3 or 4 records per person: 35 %, 35 %, 20 %, 10 % (2.05 on average)
    private static final int[] RECORD_COUNT_WEIGHTS = {35, 35, 20, 10};

    private final long seed;

    public PeopleGenerator(long seed) {
        this.seed = seed;
    }

    /**
     * Reads the {@value #TRUTH_FILE} of a folder written by {@link #write(int, Path)}: the person
     * behind each record id, in file order.
     */
    public static Map<String, String> readTruth(Path dir) throws IOException {
        Map<String, String> personOf = new LinkedHashMap<>();
        try (var in = Files.newBufferedReader(dir.resolve(TRUTH_FILE), StandardCharsets.UTF_8)) {
            in.readLine(); // header record_id,person_id
            for (String line; (line = in.readLine()) != null; ) {
                int comma = line.indexOf(',');
                personOf.put(line.substring(0, comma), line.substring(comma + 1));
            }
        }
        return personOf;
    }

    /**
     * Generates {@code people} people into {@value #RECORDS_FILE}, {@value #TRUTH_FILE} and {@value
     * #LOOKALIKES_FILE} in {@code outDir}, which is created when missing; existing files of these
     * names are replaced. On failure the files may be left incomplete.
     *
     * @param people zero or more; zero writes the CSV headers and no record
     * @throws IllegalArgumentException if {@code people} is negative
     */
    public GenerationSummary write(int people, Path outDir) throws IOException {
        requireCount(people);
        Files.createDirectories(outDir);
        try (OutputStream records = open(outDir.resolve(RECORDS_FILE));
                OutputStream truth = open(outDir.resolve(TRUTH_FILE));
                OutputStream lookalikes = open(outDir.resolve(LOOKALIKES_FILE))) {
            return write(people, records, truth, lookalikes);
        }
    }

    /**
     * Generates {@code people} people in memory and returns their records as the exchange model decodes
     * them, in the order written (for tests and for estimates made at start-up; large runs write files).
     *
     * @throws IllegalArgumentException if {@code people} is negative
     */
    public List<org.concordia.model.Record> records(int people) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.OutputStream discard = java.io.OutputStream.nullOutputStream();
        try {
            write(people, out, discard, discard);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("writing to memory failed", e);
        }
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        org.concordia.json.RecordDecoder decoder = new org.concordia.json.RecordDecoder(null);
        List<org.concordia.model.Record> decoded = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                if (decoder.decode(json.readTree(line)) instanceof org.concordia.json.Decoded.Accepted a) {
                    decoded.add(a.record());
                }
            } catch (IOException e) {
                throw new IllegalStateException("the generator wrote a line that is not JSON", e);
            }
        }
        return decoded;
    }

    /**
     * Generates {@code people} people into the three streams, with the contents described for the
     * files of the same names. The streams are flushed, not closed.
     *
     * @throws IllegalArgumentException if {@code people} is negative
     */
    public GenerationSummary write(int people, OutputStream records, OutputStream truth, OutputStream lookalikes)
            throws IOException {
        requireCount(people);
        SplittableRandom rng = new SplittableRandom(seed);
        Sink sink = new Sink(records, truth, rng.split());
        Writer pairs = writer(lookalikes);
        pairs.write("person_a,person_b,kind\n");
        int number = 0;
        int pairCount = 0;
        while (number < people) {
            if (people - number >= 2 && rng.nextDouble() < PAIR_RATE) {
                Lookalike kind = KINDS[Dice.weighted(KIND_WEIGHTS, rng)];
                Person[] pair = PersonFactory.pair(kind, number + 1, rng);
                pairs.write(pair[0].id() + "," + pair[1].id() + "," + kind.wireName() + "\n");
                sink.person(pair[0], rng);
                sink.person(pair[1], rng);
                number += 2;
                pairCount++;
            } else {
                sink.person(PersonFactory.random(number + 1, rng), rng);
                number++;
            }
        }
        sink.finish();
        pairs.flush();
        Map<String, Long> byOwner = new LinkedHashMap<>();
        for (Owner o : Owner.ALL) {
            byOwner.put(o.name(), sink.perOwner[o.ordinal()]);
        }
        return new GenerationSummary(people, sink.total, pairCount, byOwner);
    }

    private static void requireCount(int people) {
        if (people < 0) {
            throw new IllegalArgumentException("the number of people must not be negative: " + people);
        }
    }

    private static OutputStream open(Path file) throws IOException {
        return new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
    }

    private static Writer writer(OutputStream out) {
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 14);
    }

    /** Drafts each person's records, shuffles them within a window, numbers and writes them. */
    private static final class Sink {
        private final DraftWriter records;
        private final Writer truth;
        private final SplittableRandom shuffle;
        private final List<Draft> window = new ArrayList<>(SHUFFLE_WINDOW);
        private final long[] perOwner = new long[Owner.ALL.length];
        private long total;

        Sink(OutputStream records, OutputStream truth, SplittableRandom shuffle) throws IOException {
            this.records = new DraftWriter(records);
            this.truth = writer(truth);
            this.shuffle = shuffle;
            this.truth.write("record_id,person_id\n");
        }

        void person(Person p, SplittableRandom rng) throws IOException {
            int count = 1 + Dice.weighted(RECORD_COUNT_WEIGHTS, rng);
            for (Owner owner : p.origin().owners(count, rng)) {
                if (window.size() == SHUFFLE_WINDOW) {
                    emitOne();
                }
                window.add(RecordDrafter.draft(p, owner, rng));
            }
        }

        void finish() throws IOException {
            while (!window.isEmpty()) {
                emitOne();
            }
            records.finish();
            truth.flush();
        }

        private void emitOne() throws IOException {
            int i = shuffle.nextInt(window.size());
            int last = window.size() - 1;
            Draft d = window.get(i);
            window.set(i, window.get(last));
            window.remove(last);
            int n = (int) ++perOwner[d.owner().ordinal()];
            String id = d.owner().name() + "-" + Dice.pad(n, 6);
            records.write(id, d);
            truth.write(id);
            truth.write(',');
            truth.write(d.personId());
            truth.write('\n');
            total++;
        }
    }
}
