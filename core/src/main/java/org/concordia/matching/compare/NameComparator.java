package org.concordia.matching.compare;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.concordia.matching.Agreement;
import org.concordia.matching.FieldComparison;
import org.concordia.matching.translit.CrossScriptModel;
import org.concordia.model.PersonName;

/**
 * Compares the names of two persons: every name of one against every name of the other (names in the
 * same script first), keeping the best pair, each pair compared by token alignment ({@link
 * NameAlignment}) of the normalised core tokens ({@code normalized().coreTokens()}; particles such as
 * AL, BIN, VAN take part only in joins). Across scripts, the learned cross-script model ({@link
 * CrossScriptModel}, trained on Wikidata name pairs) is asked about what the transliteration leaves
 * unaligned between a name in Arabic, Cyrillic, Han, Hebrew, Hangul or Katakana script and a name in
 * Latin script ({@link LearnedTransliteration}).
 *
 * <p>Levels of the result, field {@code "name"}:
 *
 * <ul>
 *   <li>{@link Agreement#MISSING}: one side has no name.
 *   <li>{@link Agreement#EXACT}: the same core tokens in any order (the normalised sorted keys are
 *       equal): "ABDULLAH, Muhammad" and "Muhammad Abdullah"; 毛泽东 and "Mao Zedong".
 *   <li>{@link Agreement#CLOSE}: every countable token of the shorter name (titles and generation
 *       marks do not count) is aligned, at least two of them strongly (equal, known variant, same
 *       phonetic key, a typo, a join, the same consonant skeleton across Arabic and Latin script, or a
 *       learned transliteration: בנימין ~ BENJAMIN, 김정은 ~ "Kim Jong-un"),
 *       or both names are one token and that token agrees strongly. A middle name or second family
 *       name on one side only is tolerated: "Mohamed Abdallah" ~ "Muhammad Abdullah"; "John Fitzgerald
 *       Kennedy" ~ "John F. Kennedy" (an initial beside two strong pairs).
 *   <li>{@link Agreement#WEAK}: something agrees, not enough for CLOSE: a strong pair that involves
 *       the family name, or strong pairs for at least half the tokens of the shorter name, or all of
 *       the shorter name aligned but only one pair strongly, or by initials and prefixes alone ("J.
 *       Smith" ~ "John Smith" is WEAK: one name and an initial; "John Smith" ~ "Jane Smith" is WEAK).
 *   <li>{@link Agreement#DISAGREE}: nothing of that.
 * </ul>
 *
 * <p>Similarity: the weighted mean of the aligned pairs' scores (1 equal, 0.95 variant, 0.92
 * phonetic, the Jaro-Winkler value for a typo, 0.85 skeleton, 0.8 to 0.9 for a learned
 * transliteration as the model's score goes from its threshold to 1, 0.75 prefix, 0.6 initial), each
 * unaligned token of the shorter name counting as a pair of score 0 and weight 1, of the longer name
 * with weight 0.5 (0.75 each when both are as long); EXACT is 1.
 *
 * <p>{@code crossScript} is true when the best pair's names are written in different scripts (a
 * non-Latin script against Latin, or two different non-Latin scripts; simplified, traditional Han
 * count as one).
 *
 * <p>Sources: token-based name comparison as in Christen, "Data Matching" (Springer 2012), ch. 5, and
 * Winkler (1990) for the string comparator; the skeleton from {@link
 * org.concordia.matching.BlockingKeys#skeleton}.
 *
 * <p>Thread-safe; prepare each person's names once ({@link #prepare}) when comparing many pairs. The
 * model is loaded (about 3 MB, once) when the first name in a script other than Latin is prepared.
 */
public final class NameComparator {
    public static final String FIELD = "name";
    /** The most names of one person compared (after removing names with equal keys). */
    public static final int MAX_NAMES = 8;

    /** The tokens' spelling-determined forms, shared by the tokens of every name this comparator prepares. */
    private final TokenForms forms;
    /** The learned cross-script model, or null. */
    private final LearnedTransliteration learned;

    /** The bundled name variants and cross-script model. */
    public NameComparator() {
        this(NameVariants.standard());
    }

    /** These variants, the bundled cross-script model. */
    public NameComparator(NameVariants variants) {
        this(variants, LearnedTransliteration.bundled());
    }

    /** These variants and this cross-script model. */
    public NameComparator(NameVariants variants, CrossScriptModel model) {
        this(variants, learnedFrom(model));
    }

    private static LearnedTransliteration learnedFrom(CrossScriptModel model) {
        Objects.requireNonNull(model, "model");
        return new LearnedTransliteration(() -> model, LearnedTransliteration.THRESHOLD);
    }

    NameComparator(NameVariants variants, LearnedTransliteration learned) {
        this.forms = new TokenForms(variants);
        this.learned = learned;
    }

    /**
     * The bundled name variants without the learned cross-script model: names in other scripts are
     * compared through their transliteration only (for comparison, and where the model cannot be used).
     */
    public static NameComparator withoutLearnedTransliteration() {
        return new NameComparator(NameVariants.standard(), (LearnedTransliteration) null);
    }

    /** The learned cross-script model in use, or null. */
    LearnedTransliteration learned() {
        return learned;
    }

    /** The names of one person, made ready for comparison. Immutable. */
    public static final class Names {
        final PreparedName[] names;

        private Names(PreparedName[] names) {
            this.names = names;
        }

        public boolean isEmpty() {
            return names.length == 0;
        }

        public int size() {
            return names.length;
        }
    }

    /** Prepares a person's names; names whose script and sorted key repeat an earlier one are left out. */
    public Names prepare(List<PersonName> names) {
        List<PreparedName> out = new ArrayList<>(names.size());
        Set<String> seen = new HashSet<>();
        for (PersonName n : names) {
            if (out.size() == MAX_NAMES) {
                break;
            }
            if (n.normalized().coreTokens().isEmpty()) {
                continue;
            }
            String dedup =
                    PreparedName.scriptFamily(n.script()) + '|' + n.normalized().sortedKey() + '|' + n.family();
            if (seen.add(dedup)) {
                out.add(new PreparedName(n, forms, learned));
            }
        }
        return new Names(out.toArray(new PreparedName[0]));
    }

    /** Compares two lists of names (prepared on the fly). */
    public FieldComparison compare(List<PersonName> a, List<PersonName> b) {
        return compare(prepare(a), prepare(b));
    }

    /** Compares the prepared names of two persons: the best pair of names decides. */
    public FieldComparison compare(Names a, Names b) {
        if (a.isEmpty() || b.isEmpty()) {
            return FieldComparison.missing(FIELD);
        }
        NameAlignment best = null;
        // names in one script first: an exact match there ends the search before any cross-script work
        for (int pass = 0; pass < 2; pass++) {
            for (PreparedName x : a.names) {
                for (PreparedName y : b.names) {
                    if (x.script.equals(y.script) != (pass == 0)) {
                        continue;
                    }
                    NameAlignment al = NameAlignment.align(x, y, learned);
                    if (best == null || better(al, best)) {
                        best = al;
                        if (best.level == Agreement.EXACT && !best.crossScript()) {
                            return result(best);
                        }
                    }
                }
            }
        }
        return result(best);
    }

    private static boolean better(NameAlignment x, NameAlignment best) {
        int c = x.level.compareTo(best.level);
        if (c != 0) {
            return c > 0;
        }
        if (x.similarity != best.similarity) {
            return x.similarity > best.similarity;
        }
        return !x.crossScript() && best.crossScript(); // same strength: rest on the comparison within one script
    }

    private static FieldComparison result(NameAlignment al) {
        return FieldComparison.lazy(FIELD, al.level, al.similarity, () -> al.explain(), al.crossScript());
    }
}
