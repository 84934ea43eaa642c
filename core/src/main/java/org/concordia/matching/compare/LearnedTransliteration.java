package org.concordia.matching.compare;

import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;
import org.concordia.matching.translit.CrossScriptModel;

/**
 * The learned cross-script model ({@link CrossScriptModel}, trained on Wikidata name pairs) as the name
 * alignment asks it: does a Latin token spell a name part written in Arabic, Cyrillic, Han, Hebrew,
 * Hangul or Katakana script? It answers far better than ICU transliteration with skeletons and
 * Jaro-Winkler (the right Latin name ranked first for 0.90 of Arabic and 0.72 of Chinese name parts,
 * against 0.27 and 0.17), at a cost of tens of microseconds a call, so each call is guarded:
 *
 * <ol>
 *   <li>only a token or join that one native-script word gave against a token or join of a name in
 *       Latin script, and only once the cheap tests of {@link TokenAgreement} have left both unaligned;
 *   <li>a shortlist: the word's {@value #SPELLINGS} likeliest Latin spellings are generated once (3 to 4
 *       ms, shared by all tokens of the same word), and the model is asked only when one of them begins
 *       with a letter of the same sound class as the Latin token ({@link #initialClass}: a bit test
 *       that rules out most wrong pairs) and has a Jaro-Winkler similarity of at least {@value
 *       #SHORTLIST_SIMILARITY} with it. On 500 words a script of the Wikidata development slices, that
 *       lets 1.3 to 2.1 % of wrong pairs through and loses 0 to 1.6 % of the pairs the model accepts.
 *       The answer stays a function of the two tokens, whatever was compared before;
 *   <li>the answers (the model's, or 0 from the shortlist) are remembered in a direct-mapped cache of
 *       {@value #REMEMBERED} slots by word and Latin token, a newer answer replacing an older one in its
 *       slot: one query compares its word with the same common spellings in many candidates (محمد with
 *       MOHAMMED, MUHAMMAD, MOHAMED...), and a server the same words query after query.
 * </ol>
 *
 * <p>A model score of at least {@link #threshold} makes a strong pair, scored from {@value #LOW} at the
 * threshold to {@value #HIGH} at 1. {@value #THRESHOLD} was chosen on the development slices {@code
 * wd_<script>_16.tsv} (3,000 name parts a script, each compared as a one-part name with its Latin
 * spelling and with wrong ones; {@code LearnedTransliterationEvaluation} in the tests). The right
 * spelling is accepted for 0.87 (Arabic), 0.93 (Cyrillic), 0.63 (Han), 0.85 (Hebrew), 0.73 (Hangul) and
 * 0.79 (Katakana) of the name parts, against 0.63, 0.73, 0.14, 0.47, 0.22 and 0.34 without the model. A
 * wrong name drawn at random is accepted no more often than without the model (at most 0.1 %), the
 * nearest-looking of 200 wrong names at most 0.3 points more often (at most 2.1 %), a wrong name of the
 * same consonant skeleton 0.5 to 6 points more often (Han: 8.5 % against 2.4 %). At 0.6 the model
 * would accept 0.9 to 4 points more right names and 0.3 to 2 points more wrong ones of the same
 * skeleton; at 0.8 it would lose up to 7 points of right names.
 *
 * <p>The model is loaded on first use (about 3 MB, 0.7 s): data in Latin script alone never loads it.
 * The memory of native words is bounded ({@value #NATIVE_LIMIT} words, emptied when full). Thread-safe.
 */
final class LearnedTransliteration {
    /** The model score from which a pair counts as a strong agreement. */
    static final double THRESHOLD = 0.7;
    /** The pair score at the threshold. */
    static final double LOW = 0.8;
    /** The pair score at a model score of 1. */
    static final double HIGH = 0.9;
    /** The Latin spellings generated per native word for the shortlist. */
    static final int SPELLINGS = 16;
    /** The Jaro-Winkler similarity to one of those spellings that lets a Latin token be scored. */
    static final double SHORTLIST_SIMILARITY = 0.75;
    /** Native words remembered across names (a node's own words, shared); the memory is emptied when full. */
    static final int NATIVE_LIMIT = 100_000;
    /** Slots of the memory of answers (a power of two). */
    static final int REMEMBERED = 1 << 18;

    /** The bundled model, shared by every comparator that uses it, so that they share what they learn. */
    private static final LearnedTransliteration BUNDLED =
            new LearnedTransliteration(CrossScriptModel::bundled, THRESHOLD);

    private final Supplier<CrossScriptModel> source;
    private volatile CrossScriptModel model;
    final double threshold;
    private final ConcurrentHashMap<String, Native> natives;
    private final AtomicReferenceArray<Answer> answers;

    /** An answer for a native word (by identity) and a Latin spelling. */
    private record Answer(Native word, String latin, double probability) {}

    LearnedTransliteration(Supplier<CrossScriptModel> source, double threshold) {
        this(source, threshold, new ConcurrentHashMap<>(), new AtomicReferenceArray<>(REMEMBERED));
    }

    private LearnedTransliteration(
            Supplier<CrossScriptModel> source,
            double threshold,
            ConcurrentHashMap<String, Native> natives,
            AtomicReferenceArray<Answer> answers) {
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must lie in (0, 1)");
        }
        this.source = Objects.requireNonNull(source, "source");
        this.threshold = threshold;
        this.natives = natives;
        this.answers = answers;
    }

    /** The same model and memory (model answers do not depend on the threshold) at another threshold. */
    LearnedTransliteration withThreshold(double other) {
        LearnedTransliteration l = new LearnedTransliteration(source, other, natives, answers);
        l.model = model;
        return l;
    }

    /** The model shipped with Concordia, loaded when first needed, at {@link #THRESHOLD}. */
    static LearnedTransliteration bundled() {
        return BUNDLED;
    }

    private CrossScriptModel model() {
        CrossScriptModel m = model;
        if (m == null) {
            m = Objects.requireNonNull(source.get(), "model");
            model = m;
        }
        return m;
    }

    /** True when the model covers the ISO 15924 script; Latin and Common are answered without loading it. */
    boolean covers(String script) {
        return !"Latn".equals(script) && !"Zyyy".equals(script) && model().covers(script);
    }

    /** The shared form of a native-script word in {@code script}. */
    Native nativeForm(String text, String script) {
        String key = script + '|' + text;
        Native n = natives.get(key);
        if (n != null) {
            return n;
        }
        if (natives.size() >= NATIVE_LIMIT) {
            natives.clear();
        }
        Native created = new Native(text, script);
        n = natives.putIfAbsent(key, created);
        return n == null ? created : n;
    }

    /**
     * The model's score that the upper-case ASCII token {@code latin} spells {@code nativeForm}; 0 when
     * the shortlist rules it out without asking the model. {@code latinLetters} is {@link
     * JaroWinkler#letters} of {@code latin}, as its prepared token holds it.
     */
    double probability(Native nativeForm, String latin, long latinLetters) {
        double p = modelProbability(nativeForm, latin, latinLetters);
        String variant = p < threshold ? tehMarbutaVariant(nativeForm) : null;
        return variant == null
                ? p
                : Math.max(p, modelProbability(nativeForm(variant, nativeForm.script), latin, latinLetters));
    }

    /**
     * An Arabic word ending in heh (ه) written for teh marbuta (ة): عائشه for عائشة. Writers confuse the
     * two at the end of a word so often that Arabic retrieval normalises them (Larkey, Ballesteros and
     * Connell, "Improving stemming for Arabic information retrieval", SIGIR 2002); the model, trained on
     * careful spellings, is asked about the other form too. Not for words ending in لله (الله, عبدالله).
     */
    static String tehMarbutaVariant(Native n) {
        String t = n.text;
        if (!"Arab".equals(n.script)
                || t.length() < 3
                || t.charAt(t.length() - 1) != '\u0647'
                || t.endsWith("\u0644\u0644\u0647")) {
            return null;
        }
        return t.substring(0, t.length() - 1) + '\u0629';
    }

    private double modelProbability(Native nativeForm, String latin, long latinLetters) {
        int h = System.identityHashCode(nativeForm) * 0x9E3779B9 + latin.hashCode();
        int slot = (h ^ (h >>> 16)) & (REMEMBERED - 1);
        Answer known = answers.get(slot);
        if (known != null && known.word == nativeForm && known.latin.equals(latin)) {
            return known.probability;
        }
        double q = shortlisted(nativeForm, latin, latinLetters)
                ? model().score(nativeForm.text, latin, nativeForm.script)
                : 0;
        answers.set(slot, new Answer(nativeForm, latin, q));
        return q;
    }

    private boolean shortlisted(Native n, String latin, long letters) {
        Shortlist list = n.shortlist(model());
        int initial = initialClass(latin);
        if ((list.initials & (1 << (initial + 1))) == 0) {
            return false;
        }
        for (int i = 0; i < list.spellings.length; i++) {
            if (list.classes[i] == initial
                    && JaroWinkler.mayReach(list.spellings[i], list.letters[i], latin, letters, SHORTLIST_SIMILARITY)
                    && JaroWinkler.similarity(list.spellings[i], latin) >= SHORTLIST_SIMILARITY) {
                return true;
            }
        }
        return false;
    }

    /**
     * The sound class of the first letter of an upper-case ASCII spelling, H not counted: vowels (and Y)
     * 0, then B P; C G K Q; D T; F V W; J; L R; M; N; S X Z as 1 to 9; -1 when there is no letter.
     * Transliterations confuse letters within a class, rarely across classes.
     */
    static int initialClass(String latin) {
        for (int i = 0; i < latin.length(); i++) {
            int c = switch (latin.charAt(i)) {
                case 'A', 'E', 'I', 'O', 'U', 'Y' -> 0;
                case 'B', 'P' -> 1;
                case 'C', 'G', 'K', 'Q' -> 2;
                case 'D', 'T' -> 3;
                case 'F', 'V', 'W' -> 4;
                case 'J' -> 5;
                case 'L', 'R' -> 6;
                case 'M' -> 7;
                case 'N' -> 8;
                case 'S', 'X', 'Z' -> 9;
                default -> -1;
            };
            if (c >= 0) {
                return c;
            }
        }
        return -1;
    }

    /** The pair score of a model score at or above the threshold: from {@value #LOW} to {@value #HIGH}. */
    double pairScore(double probability) {
        return LOW + (HIGH - LOW) * (probability - threshold) / (1 - threshold);
    }

    /** The model score a pair score was made from (for the explanation). */
    double probabilityOf(double pairScore) {
        return threshold + (pairScore - LOW) / (HIGH - LOW) * (1 - threshold);
    }

    /**
     * The likeliest Latin spellings of a native word, the {@link #initialClass} and {@link
     * JaroWinkler#letters} of each, and those classes
     * as a bit set (bit {@code class + 1}).
     */
    private record Shortlist(String[] spellings, byte[] classes, long[] letters, int initials) {
        static Shortlist of(String[] spellings) {
            byte[] classes = new byte[spellings.length];
            long[] letters = new long[spellings.length];
            int initials = 0;
            for (int i = 0; i < spellings.length; i++) {
                classes[i] = (byte) initialClass(spellings[i]);
                letters[i] = JaroWinkler.letters(spellings[i]);
                initials |= 1 << (classes[i] + 1);
            }
            return new Shortlist(spellings, classes, letters, initials);
        }
    }

    /**
     * A native-script word, shared by the tokens that have it, with its likeliest Latin spellings
     * (generated on first need).
     */
    static final class Native {
        final String text;
        final String script;
        private volatile Shortlist shortlist;

        private Native(String text, String script) {
            this.text = text;
            this.script = script;
        }

        /** Generated once; two threads may both generate it, with the same result. */
        private Shortlist shortlist(CrossScriptModel model) {
            Shortlist s = shortlist;
            if (s == null) {
                s = Shortlist.of(model.latinCandidates(text, script, SPELLINGS).stream()
                        .map(c -> c.latin().toUpperCase(Locale.ROOT))
                        .toArray(String[]::new));
                shortlist = s;
            }
            return s;
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
