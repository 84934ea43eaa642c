package org.concordia.matching.compare;

import java.util.Set;

/**
 * One Latin name token, or a join of adjacent tokens, with the forms the name comparator matches
 * on, computed once: phonetic key ({@link PhoneticKey}), variant groups ({@link NameVariants}) and
 * consonant skeletons ({@link org.concordia.matching.BlockingKeys#skeleton}), shared by every token
 * of one spelling ({@link TokenForms}); for a token transliterated from a script the
 * learned cross-script model covers, the native-script text it came from. Immutable (the native
 * form's memory of model answers is thread-safe).
 */
final class NameToken {
    /**
     * Titles, honorifics, generation marks and connecting words that say little about who a person
     * is: matched when both sides have them, never counted against a pair when only one side does.
     */
    static final Set<String> IGNORABLE = Set.of(
            "MR",
            "MRS",
            "MS",
            "MISS",
            "MME",
            "MLLE",
            "DR",
            "PROF",
            "SIR",
            "DAME",
            "LORD",
            "LADY",
            "BARON",
            "BARONESS",
            "BARONET",
            "VISCOUNT",
            "MARQUESS",
            "MARQUIS",
            "DUKE",
            "DUCHESS",
            "COUNTESS",
            "SHEIKH",
            "SHAIKH",
            "SHEIKHA",
            "HAJI",
            "HAJJ",
            "HAJJI",
            "HADJ",
            "OF",
            "THE",
            "AND",
            "JR",
            "SR",
            "JUNIOR",
            "SENIOR",
            "II",
            "III",
            "IV",
            "HRH",
            "REV",
            "ST",
            "SAINT",
            "GEN",
            "COL",
            "CAPT",
            "SGT");

    final String text;
    /** As shown in explanations: the parts of a join separated by {@code +} (ABD+ALLAH). */
    final String shown;

    final String key;
    final int[] groups;
    /** Skeleton forms: the skeleton and its spelling alternatives for cross-script comparison. */
    final String[] skeletons;

    final char first;
    /** The token's characters as a set, for {@link JaroWinkler#mayReach}. */
    final long letters;
    /** Bit set over the core-token positions this token covers (one bit, or several for a join). */
    final int covers;
    /** Counted when unaligned: not a title or generation mark. */
    final boolean countable;
    /** Part of the family name as the source gave it. */
    final boolean family;
    /** Derived from a consonantal script (Arabic, Hebrew), where short vowels are not written. */
    final boolean abjad;
    /** Of a name written in Latin script. */
    final boolean latin;
    /**
     * The native-script word this token or join was transliterated from, when it is one whole word of a
     * script the learned model covers; otherwise null.
     */
    final LearnedTransliteration.Native nativeForm;

    /**
     * @param form what the spelling decides, shared by every token so spelled ({@link TokenForms})
     * @param shown as shown in explanations ({@code form.text} for one token)
     */
    NameToken(
            TokenForms.Form form,
            String shown,
            int covers,
            boolean family,
            boolean abjad,
            boolean latin,
            LearnedTransliteration.Native nativeForm) {
        this.text = form.text;
        this.shown = shown;
        this.key = form.key;
        this.groups = form.groups;
        this.skeletons = form.skeletons;
        this.first = form.first;
        this.letters = form.letters;
        this.covers = covers;
        this.countable = form.countable;
        this.family = family;
        this.abjad = abjad;
        this.latin = latin;
        this.nativeForm = nativeForm;
    }

    /** A particle (AL, BIN, VAN...): covers no core token. */
    boolean particle() {
        return (covers & PreparedName.CORE_MASK) == 0;
    }

    int length() {
        return text.length();
    }

    /** True when a consonant skeleton of one token equals one of the other. */
    boolean skeletonMatches(NameToken o) {
        for (String a : skeletons) {
            if (a.length() < 2) {
                continue;
            }
            for (String b : o.skeletons) {
                if (a.equals(b)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return text;
    }
}
