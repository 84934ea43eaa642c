package org.concordia.matching.translit;

/**
 * A coarse key of a Latin spelling for retrieving candidates: consonant classes that transliteration confuses merged
 * (B/P, D/T, G/K/C/Q, F/V/W, S/Z/X, L/R), vowels, Y and H dropped, a leading vowel kept as one class, runs of one class
 * written once. {@code muhammad}, {@code mohamed} and {@code mohammed} all give M-M-T; {@code crippen} and
 * {@code kripen} give K-L-B-N.
 *
 * <p>Keys are packed into a {@code long}, four bits a class (at most {@value #MAX_CLASSES} classes), and are built
 * letter by letter through a state {@code key << 4 | last class}, so that the model can generate keys directly.
 */
final class SoundKey {
    static final int MAX_CLASSES = 14;
    /** The last-class value of a state after a vowel. */
    static final int AFTER_VOWEL = 0;
    /** The last-class value of the empty state. */
    static final int AT_START = 15;
    /** The state of the empty prefix. */
    static final long START = AT_START;

    private static final int INITIAL_VOWEL = 1;
    private static final int SILENT = -1;
    /** Class of each letter 1-26 (a-z): 0 vowel, -1 silent, otherwise a class 2-10. */
    private static final int[] CLASS = new int[27];

    static {
        String map = "a0 b2 c3 d4 e0 f5 g3 h- i0 j6 k3 l7 m8 n9 o0 p2 q3 r7 s: t4 u0 v5 w5 x: y0 z:";
        for (String pair : map.split(" ")) {
            char c = pair.charAt(1);
            CLASS[pair.charAt(0) - 'a' + 1] = c == '-' ? SILENT : c - '0';
        }
    }

    private SoundKey() {}

    /** The state after one more letter. */
    static long append(long state, int letter) {
        int cls = CLASS[letter];
        if (cls == SILENT) {
            return state;
        }
        int last = (int) (state & 15);
        long key = state >>> 4;
        if (last == AT_START) {
            return cls == AFTER_VOWEL ? ((long) INITIAL_VOWEL << 4) : ((long) cls << 4 | cls);
        }
        if (cls == AFTER_VOWEL) {
            return key << 4;
        }
        if (cls == last) {
            return state;
        }
        if (key >>> (4 * (MAX_CLASSES - 1)) != 0) {
            return key << 4 | cls; // full: the key stops growing
        }
        return (key << 4 | cls) << 4 | cls;
    }

    static long keyOf(long state) {
        return state >>> 4;
    }

    static long of(byte[] letters) {
        long state = START;
        for (byte b : letters) {
            state = append(state, b);
        }
        return keyOf(state);
    }
}
