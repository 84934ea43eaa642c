package org.concordia.matching.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.concordia.matching.Agreement;
import org.concordia.matching.compare.TokenAgreement.Kind;

/**
 * The token alignment of two names, the heart of {@link NameComparator}: which core token of one
 * name goes with which of the other, and why. Order-insensitive; built greedily, strongest pairs
 * first, in three rounds:
 *
 * <ol>
 *   <li>single tokens with strong agreement: equal; known variants ({@link NameVariants}); equal
 *       phonetic keys ({@link PhoneticKey}); Jaro-Winkler of at least {@value TokenAgreement#TYPO} (a typo); or,
 *       between a token from Arabic or Hebrew script and a Latin one, equal consonant skeletons
 *       (MHMD from محمد and MOHAMED);
 *   <li>joins of two or three adjacent tokens of one name against a token or a join of the other,
 *       by the same tests (ABDALLAH ~ ABD+ALLAH, ALSHAMMARI ~ AL+SHAMMARI, ZEDONG ~ ZE+DONG);
 *   <li>weak agreement between what is left: an initial (J ~ JOHN), or a prefix of at least three
 *       letters (CHRIS ~ CHRISTOPHER).
 * </ol>
 *
 * Greedy assignment is optimal enough for names of a handful of tokens and costs one pass over a
 * matrix of at most 12 × 12 cells per round.
 *
 * <p>With the learned cross-script model ({@link LearnedTransliteration}), a token or join that came
 * from a word in a script the model covers (Arabic, Cyrillic, Han, Hebrew, Hangul, Katakana) and a
 * Latin token or join that the other tests leave unaligned are a strong pair of kind "learned
 * transliteration" when the model's score for the word as written and the Latin spelling reaches its
 * threshold: בנימין ~ BENJAMIN and 김 ~ KIM, whose ICU transliterations BNYMYN and GIM agree with
 * nothing. Single tokens are tried at the end of round 1, joins in round 2 after the other tests.
 */
final class NameAlignment {
    /** An aligned pair: a token or join of each name. */
    record Pair(NameToken a, NameToken b, Kind kind, double score) {}

    final PreparedName a;
    final PreparedName b;
    /** The model behind {@link Kind#LEARNED} pairs, or null. */
    private final LearnedTransliteration learned;

    final Agreement level;
    final double similarity;
    final List<Pair> pairs;
    final int usedA;
    final int usedB;

    private NameAlignment(
            PreparedName a,
            PreparedName b,
            LearnedTransliteration learned,
            Agreement level,
            double similarity,
            List<Pair> pairs,
            int usedA,
            int usedB) {
        this.a = a;
        this.b = b;
        this.learned = learned;
        this.level = level;
        this.similarity = similarity;
        this.pairs = pairs;
        this.usedA = usedA;
        this.usedB = usedB;
    }

    boolean crossScript() {
        return !a.script.equals(b.script);
    }

    /**
     * Aligns two names.
     *
     * @param learned the learned cross-script model, or null to align without it; it is asked only
     *     when one name is in Latin script and the other has native-script forms
     */
    static NameAlignment align(PreparedName a, PreparedName b, LearnedTransliteration learned) {
        int full = (1 << a.core.length) - 1;
        if (a.sortedKey.equals(b.sortedKey)) {
            return new NameAlignment(a, b, learned, Agreement.EXACT, 1, List.of(), full, (1 << b.core.length) - 1);
        }
        if (learned != null
                && !(a.hasNativeForms() && "Latn".equals(b.script))
                && !(b.hasNativeForms() && "Latn".equals(a.script))) {
            learned = null; // nothing for the model to compare
        }
        NameToken[] ca = a.core;
        NameToken[] cb = b.core;
        List<Pair> pairs = new ArrayList<>(Math.min(ca.length, cb.length) + 1);
        int na = ca.length;
        int nb = cb.length;
        // round 1: single tokens, strong agreement
        int[] m = new int[na * nb];
        for (int i = 0; i < na; i++) {
            for (int j = 0; j < nb; j++) {
                m[i * nb + j] = TokenAgreement.strong(ca[i], cb[j]);
            }
        }
        long used = greedy(ca, cb, m, pairs, 0);
        // round 1, continued: the learned model for the single tokens that round left unaligned
        if (learned != null && leftOver(ca, (int) used) && leftOver(cb, (int) (used >>> 32))) {
            boolean any = false;
            for (int i = 0; i < na; i++) {
                for (int j = 0; j < nb; j++) {
                    boolean free = (used & (1L << i)) == 0 && (used & (1L << (32 + j))) == 0;
                    m[i * nb + j] = free ? TokenAgreement.learned(ca[i], cb[j], learned) : 0;
                    any |= m[i * nb + j] != 0;
                }
            }
            if (any) {
                used = greedy(ca, cb, m, pairs, used);
            }
        }
        int usedA = (int) used;
        int usedB = (int) (used >>> 32);
        // round 2: joins of adjacent tokens and particles, when tokens are left on both sides
        boolean leftA = leftOver(ca, usedA);
        boolean leftB = leftOver(cb, usedB);
        if ((leftA || leftB) && (leftA || a.extras.length > 0) && (leftB || b.extras.length > 0)) {
            while (true) {
                int best = 0;
                NameToken bx = null;
                NameToken by = null;
                for (NameToken x : a.extras) {
                    if ((x.covers & usedA) != 0) {
                        continue;
                    }
                    for (NameToken y : cb) {
                        int s = (y.covers & usedB) == 0 ? TokenAgreement.extra(x, y, learned) : 0;
                        if (s > best) {
                            best = s;
                            bx = x;
                            by = y;
                        }
                    }
                    for (NameToken y : b.extras) {
                        int s = (y.covers & usedB) == 0 ? TokenAgreement.extra(x, y, learned) : 0;
                        if (s > best) {
                            best = s;
                            bx = x;
                            by = y;
                        }
                    }
                }
                for (NameToken y : b.extras) {
                    if ((y.covers & usedB) != 0) {
                        continue;
                    }
                    for (NameToken x : ca) {
                        int s = (x.covers & usedA) == 0 ? TokenAgreement.extra(x, y, learned) : 0;
                        if (s > best) {
                            best = s;
                            bx = x;
                            by = y;
                        }
                    }
                }
                if (bx == null) {
                    break;
                }
                usedA |= bx.covers;
                usedB |= by.covers;
                pairs.add(pair(bx, by, best));
            }
        }
        // round 3: initials, prefixes and similar spellings among what is left, best first
        if (leftOver(ca, usedA) && leftOver(cb, usedB)) {
            for (int i = 0; i < na; i++) {
                for (int j = 0; j < nb; j++) {
                    boolean free = (usedA & (1 << i)) == 0 && (usedB & (1 << j)) == 0;
                    m[i * nb + j] = free ? TokenAgreement.weak(ca[i], cb[j]) : 0;
                }
            }
            while (true) {
                int best = 0;
                int bi = -1;
                int bj = -1;
                for (int i = 0; i < na; i++) {
                    for (int j = 0; j < nb; j++) {
                        int s = m[i * nb + j];
                        if (s > best && (usedA & (1 << i)) == 0 && (usedB & (1 << j)) == 0) {
                            best = s;
                            bi = i;
                            bj = j;
                        }
                    }
                }
                if (bi < 0) {
                    break;
                }
                usedA |= 1 << bi;
                usedB |= 1 << bj;
                pairs.add(pair(ca[bi], cb[bj], best));
            }
        }
        return classify(a, b, learned, pairs, usedA, usedB);
    }

    /**
     * Greedy assignment over a matrix of packed scores, best first, among tokens not yet used; {@code
     * used} and the result hold the used tokens of {@code ca} in the low 32 bits, of {@code cb} in the
     * high ones.
     */
    private static long greedy(NameToken[] ca, NameToken[] cb, int[] m, List<Pair> pairs, long used) {
        int na = ca.length;
        int nb = cb.length;
        int usedA = (int) used;
        int usedB = (int) (used >>> 32);
        while (true) {
            int best = 0;
            int bi = -1;
            int bj = -1;
            for (int i = 0; i < na; i++) {
                if ((usedA & (1 << i)) != 0) {
                    continue;
                }
                for (int j = 0; j < nb; j++) {
                    int s = m[i * nb + j];
                    if (s > best && (usedB & (1 << j)) == 0) {
                        best = s;
                        bi = i;
                        bj = j;
                    }
                }
            }
            if (bi < 0) {
                break;
            }
            usedA |= 1 << bi;
            usedB |= 1 << bj;
            pairs.add(pair(ca[bi], cb[bj], best));
        }
        return (usedA & 0xFFFFFFFFL) | ((long) usedB << 32);
    }

    private static boolean leftOver(NameToken[] core, int used) {
        for (NameToken t : core) {
            if ((t.covers & used) == 0 && t.countable) {
                return true;
            }
        }
        return false;
    }

    private static NameAlignment classify(
            PreparedName a, PreparedName b, LearnedTransliteration learned, List<Pair> pairs, int usedA, int usedB) {
        int strong = 0;
        int weak = 0;
        boolean familyAligned = false;
        int strongA = 0;
        int strongB = 0;
        double sumW = 0;
        double sumS = 0;
        for (Pair p : pairs) {
            double w = (Integer.bitCount(p.a.covers) + Integer.bitCount(p.b.covers)) / 2.0;
            sumW += w;
            sumS += w * p.score;
            if (p.kind.strong) {
                strong++;
                familyAligned |= p.a.family || p.b.family;
                strongA |= p.a.covers;
                strongB |= p.b.covers;
            } else {
                weak++;
            }
        }
        int countA = countable(a);
        int countB = countable(b);
        int unA = unaligned(a, usedA);
        int unB = unaligned(b, usedB);
        double penaltyA = countA < countB ? 1 : (countA > countB ? 0.5 : 0.75);
        double penaltyB = countB < countA ? 1 : (countB > countA ? 0.5 : 0.75);
        double denominator = sumW + unA * penaltyA + unB * penaltyB;
        double similarity = denominator == 0 ? 0 : Math.min(1, sumS / denominator);
        boolean shorterAligned = countA < countB ? unA == 0 : (countB < countA ? unB == 0 : unA == 0 || unB == 0);
        boolean bothSingle = countA == 1 && countB == 1;
        // strong pairs cover at least half the tokens of the shorter name (of either name when both are as long)
        int coveredA = Integer.bitCount(strongA & PreparedName.CORE_MASK);
        int coveredB = Integer.bitCount(strongB & PreparedName.CORE_MASK);
        int covered = countA < countB ? coveredA : (countB < countA ? coveredB : Math.max(coveredA, coveredB));
        boolean halfStrong = strong > 0 && 2 * covered >= Math.min(countA, countB);
        Agreement level;
        if (shorterAligned && (strong >= 2 || (bothSingle && strong == 1))) {
            level = Agreement.CLOSE;
        } else if ((shorterAligned && strong + weak >= 1) || familyAligned || halfStrong) {
            level = Agreement.WEAK;
        } else {
            level = Agreement.DISAGREE;
        }
        return new NameAlignment(a, b, learned, level, similarity, pairs, usedA, usedB);
    }

    /** Countable core tokens: not titles; all of them when the name has nothing else. */
    private static int countable(PreparedName n) {
        return n.countable == 0 ? n.core.length : n.countable;
    }

    private static int unaligned(PreparedName n, int used) {
        int un = 0;
        for (NameToken t : n.core) {
            if ((t.covers & used) == 0 && (t.countable || n.countable == 0)) {
                un++;
            }
        }
        return un;
    }

    private static Pair pair(NameToken x, NameToken y, int packed) {
        return new Pair(x, y, TokenAgreement.kind(packed), TokenAgreement.score(packed));
    }

    /** What a person reads: the aligned pairs and why, and what was left over. */
    String explain() {
        List<String> parts = new ArrayList<>(pairs.size() + 4);
        if (level == Agreement.EXACT) {
            parts.add("same name in any order (" + a.sortedKey + ")");
        } else {
            for (Pair p : pairs) {
                String how = switch (p.kind) {
                    case TYPO -> String.format(Locale.ROOT, "typo %.2f", p.score);
                    case SIMILAR -> String.format(Locale.ROOT, "similar %.2f", p.score + 0.1);
                    case LEARNED ->
                        String.format(Locale.ROOT, "learned transliteration %.2f", learned.probabilityOf(p.score));
                    default -> p.kind.label;
                };
                boolean joined = !contains(a.core, p.a) || !contains(b.core, p.b);
                parts.add(shown(p.a, p.kind) + "~" + shown(p.b, p.kind) + " " + (joined ? "joined, " : "") + how);
            }
            if (pairs.isEmpty()) {
                parts.add("no token in common");
            }
            leftOver(a, usedA, parts);
            leftOver(b, usedB, parts);
        }
        particles(a, parts);
        particles(b, parts);
        String scripts = crossScript() ? " [across scripts " + a.script + "/" + b.script + "]" : "";
        return "'" + a.source.full() + "' ~ '" + b.source.full() + "': " + String.join(", ", parts) + scripts;
    }

    /** A token as an explanation shows it: as written in its own script when the learned model compared it. */
    private static String shown(NameToken t, Kind kind) {
        return kind == Kind.LEARNED && t.nativeForm != null ? t.nativeForm.text : t.shown;
    }

    /** Particles that no aligned join took in: left out of the comparison. */
    private void particles(PreparedName n, List<String> parts) {
        for (String particle : n.particles) {
            boolean joined = false;
            for (Pair p : pairs) {
                joined |= List.of((n == a ? p.a : p.b).shown.split("\\+")).contains(particle);
            }
            if (!joined) {
                parts.add(particle + " dropped particle");
            }
        }
    }

    private static boolean contains(NameToken[] core, NameToken t) {
        for (NameToken c : core) {
            if (c == t) {
                return true;
            }
        }
        return false;
    }

    private static void leftOver(PreparedName n, int used, List<String> parts) {
        for (NameToken t : n.core) {
            if ((t.covers & used) == 0) {
                parts.add(t.text + (t.countable ? " only in '" + n.source.full() + "'" : " title ignored"));
            }
        }
    }
}
