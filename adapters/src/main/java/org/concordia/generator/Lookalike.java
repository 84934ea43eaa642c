package org.concordia.generator;

/** Kinds of pairs of different people generated to look alike, as written in {@code lookalikes.csv}. */
enum Lookalike {
    /** Same names, birth years at least two apart: namesakes. */
    SAME_NAME_DIFFERENT_BIRTH("same_name_different_birth"),
    /** Same family name, birth date, place and father; different given names. */
    TWINS("twins"),
    /** Same given and family names; the son born 25 to 35 years after his father. */
    FATHER_SON("father_son");

    private final String wireName;

    Lookalike(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }
}
