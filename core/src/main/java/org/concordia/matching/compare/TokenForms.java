package org.concordia.matching.compare;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.concordia.matching.BlockingKeys;

/**
 * What a name token's spelling alone decides (phonetic key, variant groups, consonant skeletons,
 * letter set, whether it counts), computed once per distinct spelling and shared by every token so
 * spelled. Names repeat: a node of 200,000 generated persons prepares about 1.1 million tokens and
 * joins but only tens of thousands of distinct spellings, and each of its prepared tokens had kept
 * its own copies of these strings and arrays (about 37 million strings in a JVM serving five such
 * nodes, most of what a garbage collector's marking has to visit; docs/benchmarks.md, federated
 * search). The same interning serves the shown form of joins (ABD+ALLAH).
 *
 * <p>Bounded: past {@value #MAX_SPELLINGS} distinct spellings (of index and query names alike) new
 * ones get forms of their own, not kept here, so that no input can make it grow without limit (about
 * 200 bytes per spelling kept: at most some 100 MB per map, reached only by that many distinct
 * spellings); the comparisons are the same either way. Thread-safe.
 */
final class TokenForms {
    /** The most spellings kept, for each of Latin-script and consonantal-script tokens and for shown joins. */
    static final int MAX_SPELLINGS = 1 << 19;

    /** The spelling-determined forms of one token. Immutable: its arrays are never written after construction. */
    static final class Form {
        final String text;
        final String key;
        final int[] groups;
        final String[] skeletons;
        final char first;
        final long letters;
        final boolean countable;

        private Form(String text, boolean abjad, NameVariants variants) {
            this.text = text;
            this.key = PhoneticKey.of(text);
            this.groups = variants.groups(text);
            this.skeletons = skeletons(text, abjad);
            this.first = text.isEmpty() ? 0 : text.charAt(0);
            this.letters = JaroWinkler.letters(text);
            this.countable = !NameToken.IGNORABLE.contains(text) && !hasDigit(text);
        }
    }

    private final NameVariants variants;
    private final int maxSpellings;
    private final ConcurrentMap<String, Form> forms = new ConcurrentHashMap<>();
    /** Tokens of a consonantal script have other skeletons ({@link #skeletons}). */
    private final ConcurrentMap<String, Form> abjadForms = new ConcurrentHashMap<>();

    private final ConcurrentMap<String, String> shown = new ConcurrentHashMap<>();

    TokenForms(NameVariants variants) {
        this(variants, MAX_SPELLINGS);
    }

    /** @param maxSpellings the most spellings kept in each of the three maps */
    TokenForms(NameVariants variants, int maxSpellings) {
        this.variants = variants;
        this.maxSpellings = maxSpellings;
    }

    /** The forms of a token spelled {@code text}, of a name in a consonantal script when {@code abjad}. */
    Form of(String text, boolean abjad) {
        ConcurrentMap<String, Form> map = abjad ? abjadForms : forms;
        Form known = map.get(text);
        if (known != null) {
            return known;
        }
        Form form = new Form(text, abjad, variants);
        if (map.size() >= maxSpellings) {
            return form;
        }
        Form raced = map.putIfAbsent(text, form);
        return raced == null ? form : raced;
    }

    /** The one kept instance of a join's shown form ({@code ABD+ALLAH}), or the text itself past the bound. */
    String shown(String text) {
        String known = shown.get(text);
        if (known != null || shown.size() >= maxSpellings) {
            return known != null ? known : text;
        }
        String raced = shown.putIfAbsent(text, text);
        return raced == null ? text : raced;
    }

    /**
     * The skeleton, and the forms it takes when one writing leaves out what the other writes: in
     * Arabic the ta marbuta ة comes out as a final T (FATMT for فاطمة, FATIMA in Latin), and the ʿayn
     * ع of عمر, عبد is not transliterated at all, so a Latin initial vowel (OMAR, ABD) has no
     * counterpart; a Latin final H (FATIMAH) has none either.
     */
    static String[] skeletons(String text, boolean abjad) {
        String s = BlockingKeys.skeleton(text);
        if (abjad) {
            return s.length() > 2 && s.endsWith("T")
                    ? new String[] {s, s.substring(0, s.length() - 1)}
                    : new String[] {s};
        }
        boolean leadingVowel = s.length() > 2 && s.charAt(0) == 'A';
        boolean trailingH = s.length() > 2 && s.endsWith("H");
        if (!leadingVowel && !trailingH) {
            return new String[] {s};
        }
        String noLead = leadingVowel ? s.substring(1) : s;
        String noTrail = trailingH ? s.substring(0, s.length() - 1) : s;
        String neither = trailingH && noLead.length() > 1 ? noLead.substring(0, noLead.length() - 1) : noLead;
        return new String[] {s, noLead, noTrail, neither};
    }

    private static boolean hasDigit(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) >= '0' && t.charAt(i) <= '9') {
                return true;
            }
        }
        return false;
    }
}
