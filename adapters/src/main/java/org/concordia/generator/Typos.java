package org.concordia.generator;

import java.util.SplittableRandom;

/**
 * Keying errors of the kinds found in hand-entered names (Damerau's four: a wrong letter, usually a
 * neighbour on the keyboard; a missing letter; a doubled letter; two letters swapped). The first
 * letter is rarely wrong, so edits avoid it.
 */
final class Typos {
    // QWERTY neighbours of each letter a-z
    private static final String[] NEIGHBOURS = {
        "qsz", "vghn", "xdfv", "sefx", "wrd", "drgc", "fthv", "gyjb", "uok", "hukn", "jilm", "kop", "njk",
        "bhjm", "ipl", "ol", "wa", "etf", "awdz", "ryg", "yij", "cfgb", "qes", "zsdc", "tuh", "asx"
    };

    private Typos() {}

    /** {@code text} with one or two edits; unchanged only when it has no letter after the first. */
    static String apply(String text, SplittableRandom rng) {
        String once = edit(text, rng);
        if (!Dice.chance(rng, 0.25)) {
            return once;
        }
        String twice = edit(once, rng);
        return twice.equals(text) ? once : twice; // the second edit may undo the first
    }

    private static String edit(String text, SplittableRandom rng) {
        for (int attempt = 0; attempt < 16; attempt++) {
            int i = 1 + rng.nextInt(Math.max(1, text.length() - 1));
            if (i >= text.length() || !Character.isLetter(text.charAt(i))) {
                continue;
            }
            char c = text.charAt(i);
            StringBuilder sb = new StringBuilder(text);
            switch (rng.nextInt(4)) {
                case 0 -> sb.setCharAt(i, neighbour(c, text, rng));
                case 1 -> {
                    if (letters(text) <= 3) {
                        continue;
                    }
                    sb.deleteCharAt(i);
                }
                case 2 -> sb.insert(i, c);
                default -> {
                    if (i + 1 >= text.length() || !Character.isLetter(text.charAt(i + 1))) {
                        continue;
                    }
                    sb.setCharAt(i, text.charAt(i + 1));
                    sb.setCharAt(i + 1, c);
                }
            }
            String s = sb.toString();
            if (!s.equals(text)) {
                return s;
            }
        }
        // rare: every draw hit a separator or an edit that changes nothing; double the last letter
        for (int i = text.length() - 1; i > 0; i--) {
            if (Character.isLetter(text.charAt(i))) {
                return new StringBuilder(text).insert(i, text.charAt(i)).toString();
            }
        }
        return text;
    }

    private static char neighbour(char c, String text, SplittableRandom rng) {
        char lower = Character.toLowerCase(c);
        if (lower >= 'a' && lower <= 'z') {
            String n = NEIGHBOURS[lower - 'a'];
            char r = n.charAt(rng.nextInt(n.length()));
            return Character.isUpperCase(c) ? Character.toUpperCase(r) : r;
        }
        // other scripts: another letter of the same word, so script and case stay as they were
        for (int attempt = 0; attempt < 6; attempt++) {
            char r = text.charAt(rng.nextInt(text.length()));
            if (Character.isLetter(r) && r != c) {
                return Character.isUpperCase(c) ? Character.toUpperCase(r) : Character.toLowerCase(r);
            }
        }
        return c;
    }

    private static int letters(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetter(text.charAt(i))) {
                n++;
            }
        }
        return n;
    }
}
