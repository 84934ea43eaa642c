package org.concordia.matching;

/**
 * How well one field of two records agrees: the comparison levels of a Fellegi-Sunter model
 * (Fellegi and Sunter, "A Theory for Record Linkage", JASA 64, 1969), from no information to
 * identical. The declaration order is the order of agreement.
 */
public enum Agreement {
    /** One side or both have no value: the field says nothing. */
    MISSING,
    /** The values differ. */
    DISAGREE,
    /** The values share something (an initial, a year, a phonetic form), not enough to call them close. */
    WEAK,
    /** The values are the same up to spelling, typing or transliteration differences. */
    CLOSE,
    /** The values are the same once normalised. */
    EXACT
}
