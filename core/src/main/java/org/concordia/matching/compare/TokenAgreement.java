package org.concordia.matching.compare;

/**
 * How two name tokens (or joins) agree, for {@link NameAlignment}: strongly (equal, known variant,
 * same phonetic key, a typo, the same consonant skeleton across an abjad and Latin, a learned
 * transliteration) or weakly (an initial, a prefix, a similar spelling). Each test answers a kind and a
 * score packed into one int ({@link #pack}), 0 when it finds nothing, so that the alignment compares
 * candidates with one integer comparison. Stateless and thread-safe.
 */
final class TokenAgreement {
    /** The Jaro-Winkler similarity from which two tokens are taken to be one with a typo. */
    static final double TYPO = 0.90;
    /** The Jaro-Winkler similarity from which two tokens count as similar (weak agreement). */
    static final double SIMILAR = 0.80;

    /** Why two tokens agree; at most 15 kinds (they are packed in four bits). */
    enum Kind {
        EXACT("same", true),
        VARIANT("variant", true),
        PHONETIC("phonetic", true),
        TYPO("typo", true),
        SKELETON("consonant skeleton", true),
        LEARNED("learned transliteration", true),
        PREFIX("prefix", false),
        SIMILAR("similar", false),
        INITIAL("initial", false);

        final String label;
        final boolean strong;

        Kind(String label, boolean strong) {
            this.label = label;
            this.strong = strong;
        }
    }

    private static final Kind[] KINDS = Kind.values();

    private TokenAgreement() {}

    /** Strong agreement of two tokens, {@linkplain #pack packed}; 0 when none. */
    static int strong(NameToken x, NameToken y) {
        if (x.text.equals(y.text)) {
            return pack(Kind.EXACT, 1);
        }
        if (NameVariants.share(x.groups, y.groups)) {
            return pack(Kind.VARIANT, 0.95);
        }
        if (x.abjad != y.abjad && x.skeletonMatches(y)) {
            return pack(Kind.SKELETON, 0.85);
        }
        if (x.key.length() >= 2 && x.key.equals(y.key)) {
            return pack(Kind.PHONETIC, 0.92);
        }
        // a typo: skipped where Jaro-Winkler cannot reach the threshold (a short token whose first letter differs)
        if (x.length() >= 2
                && y.length() >= 2
                && (x.first == y.first || (x.length() >= 4 && y.length() >= 4))
                && JaroWinkler.mayReach(x.text, x.letters, y.text, y.letters, TYPO)) {
            double jw = JaroWinkler.similarity(x.text, y.text);
            if (jw >= TYPO && !startsWithOther(x.text, y.text)) {
                return pack(Kind.TYPO, jw);
            }
        }
        return 0;
    }

    /**
     * Agreement involving a join or a particle; a particle only agrees with an equal token. The learned
     * model is asked when nothing else agrees.
     */
    static int extra(NameToken x, NameToken y, LearnedTransliteration learned) {
        boolean px = x.particle();
        boolean py = y.particle();
        if (px || py) {
            return px && py || !x.text.equals(y.text) ? 0 : pack(Kind.EXACT, 1);
        }
        int s = strong(x, y);
        return s == 0 && learned != null ? learned(x, y, learned) : s;
    }

    /**
     * Agreement by the learned cross-script model between a token or join with a native-script form and
     * a Latin one of two letters or more (not an initial, not a particle); 0 when none.
     */
    static int learned(NameToken x, NameToken y, LearnedTransliteration learned) {
        double p;
        if (x.nativeForm != null && y.latin && y.length() >= 2 && !y.particle()) {
            p = learned.probability(x.nativeForm, y.text, y.letters);
        } else if (y.nativeForm != null && x.latin && x.length() >= 2 && !x.particle()) {
            p = learned.probability(y.nativeForm, x.text, x.letters);
        } else {
            return 0;
        }
        return p >= learned.threshold ? pack(Kind.LEARNED, learned.pairScore(p)) : 0;
    }

    /**
     * One token is the start of the other, two letters or more shorter (XIAO and XIAOMING, VIKTOR
     * and VIKTOROVICH): not a typo but
     * a part of a join, a prefix or a patronymic, left to the later rounds.
     */
    private static boolean startsWithOther(String x, String y) {
        if (Math.abs(x.length() - y.length()) < 2) {
            return false; // a letter lost at the end is a typo (MICHAE, MICHAEL)
        }
        return x.length() < y.length() ? y.startsWith(x) : x.startsWith(y);
    }

    /** Weak agreement: an initial, a prefix of at least three letters, or a similar spelling. 0 when none. */
    static int weak(NameToken x, NameToken y) {
        if (x.first != y.first) {
            if (x.length() >= 4
                    && y.length() >= 4
                    && JaroWinkler.mayReach(x.text, x.letters, y.text, y.letters, SIMILAR)) {
                double jw = JaroWinkler.similarity(x.text, y.text);
                return jw >= SIMILAR ? pack(Kind.SIMILAR, jw - 0.1) : 0;
            }
            return 0;
        }
        int lx = x.length();
        int ly = y.length();
        if ((lx == 1) != (ly == 1)) {
            return pack(Kind.INITIAL, 0.6);
        }
        if (Math.min(lx, ly) >= 3 && (lx < ly ? y.text.startsWith(x.text) : x.text.startsWith(y.text))) {
            return pack(Kind.PREFIX, 0.75);
        }
        if (lx >= 3 && ly >= 3 && JaroWinkler.mayReach(x.text, x.letters, y.text, y.letters, SIMILAR)) {
            double jw = JaroWinkler.similarity(x.text, y.text);
            if (jw >= SIMILAR) {
                return pack(Kind.SIMILAR, jw - 0.1);
            }
        }
        return 0;
    }

    /**
     * Packs a kind and a score in [0, 1] into one int, {@code round(score * 10000) << 4 | (kinds - ordinal)},
     * so that a higher score wins and, at equal scores, the kind declared first.
     */
    static int pack(Kind kind, double score) {
        return (int) Math.round(score * 10000) << 4 | (KINDS.length - kind.ordinal());
    }

    static Kind kind(int packed) {
        return KINDS[KINDS.length - (packed & 0xF)];
    }

    static double score(int packed) {
        return (packed >>> 4) / 10000.0;
    }
}
