package org.concordia.generator;

import java.util.SplittableRandom;

/**
 * The names of one origin: the pools a person's names are drawn from, and how one record spells
 * them. A person holds indices into the pools ({@link Person}); each record spells them anew, so
 * two records of one person differ the way records of partner organisations really do.
 */
interface NameStyle {
    /** Rows of a name table written one string per row, the spellings separated by {@code |}. */
    static String[][] table(String... rows) {
        String[][] t = new String[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            t[i] = rows[i].split("\\|");
        }
        return t;
    }

    /** How many given names the pool holds for sex {@code M} or {@code F}; indices are below it. */
    int givenCount(char sex);

    int familyCount();

    /**
     * The middle name of a new person, or -1 for none. When {@link #middleIsFathersName()} it is an
     * index among the male given names, else among the given names of the person's sex.
     */
    int middle(char sex, SplittableRandom rng);

    /**
     * Whether the middle name is the father's given name (an Arabic nasab, a Russian patronymic):
     * twins then share it, and a son bears his father's given name there.
     */
    boolean middleIsFathersName();

    /** The second family name of a new person (Spanish double surnames), or -1 for none. */
    default int secondFamily(int family, SplittableRandom rng) {
        return -1;
    }

    /**
     * The person's names as one record writes them.
     *
     * @param original whether the record keeps the original writing (the native script, or the
     *     Latin letters with their diacritics) rather than a transliteration or an ASCII folding
     */
    Spelling spell(Person p, boolean original, SplittableRandom rng);

    /**
     * Name parts spelled for one record, before they are laid out ({@link NameLayout}).
     *
     * @param middle null when the record has none
     * @param script ISO 15924 code of the spelling
     * @param familyFirst whether the family name comes first in this culture (Chinese, Russian official
     *     use), which makes family-first layouts more likely
     * @param unspaced whether family and given name are written together without a space (Han)
     */
    record Spelling(String given, String middle, String family, String script, boolean familyFirst, boolean unspaced) {}
}
