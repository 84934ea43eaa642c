package org.concordia.matching.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.concordia.matching.Agreement;

/**
 * The token alignment of two names, the heart of {@link NameComparator}: which core token of one
 * name goes with which of the other, and why. Order-insensitive; built greedily, strongest pairs
 * first, in three rounds:
 *
 * <ol>
 *   <li>single tokens with strong agreement: equal; known variants ({@link NameVariants}); equal
 *       phonetic keys ({@link PhoneticKey}); Jaro-Winkler of at least {@value #TYPO} (a typo); or,
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
 */
final class NameAlignment {
    /** The Jaro-Winkler similarity from which two tokens are taken to be one with a typo. */
    static final double TYPO = 0.90;
    /** The Jaro-Winkler similarity from which two tokens count as similar (weak agreement). */
    static final double SIMILAR = 0.80;

    enum Kind {
        EXACT("same", true),
        VARIANT("variant", true),
        PHONETIC("phonetic", true),
        TYPO("typo", true),
        SKELETON("consonant skeleton", true),
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

    /** An aligned pair: a token or join of each name. */
    record Pair(NameToken a, NameToken b, Kind kind, double score) {}

    final PreparedName a;
    final PreparedName b;
    final Agreement level;
    final double similarity;
    final List<Pair> pairs;
    final int usedA;
    final int usedB;

    private NameAlignment(
            PreparedName a,
            PreparedName b,
            Agreement level,
            double similarity,
            List<Pair> pairs,
            int usedA,
            int usedB) {
        this.a = a;
        this.b = b;
        this.level = level;
        this.similarity = similarity;
        this.pairs = pairs;
        this.usedA = usedA;
        this.usedB = usedB;
    }

    boolean crossScript() {
        return !a.script.equals(b.script);
    }

    static NameAlignment align(PreparedName a, PreparedName b) {
        int full = (1 << a.core.length) - 1;
        if (a.sortedKey.equals(b.sortedKey)) {
            return new NameAlignment(a, b, Agreement.EXACT, 1, List.of(), full, (1 << b.core.length) - 1);
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
                m[i * nb + j] = strong(ca[i], cb[j]);
            }
        }
        int usedA = 0;
        int usedB = 0;
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
                        int s = (y.covers & usedB) == 0 ? extra(x, y) : 0;
                        if (s > best) {
                            best = s;
                            bx = x;
                            by = y;
                        }
                    }
                    for (NameToken y : b.extras) {
                        int s = (y.covers & usedB) == 0 ? extra(x, y) : 0;
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
                        int s = (x.covers & usedA) == 0 ? extra(x, y) : 0;
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
                    m[i * nb + j] = free ? weak(ca[i], cb[j]) : 0;
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
        return classify(a, b, pairs, usedA, usedB);
    }

    private static boolean leftOver(NameToken[] core, int used) {
        for (NameToken t : core) {
            if ((t.covers & used) == 0 && t.countable) {
                return true;
            }
        }
        return false;
    }

    private static NameAlignment classify(PreparedName a, PreparedName b, List<Pair> pairs, int usedA, int usedB) {
        int strong = 0;
        int weak = 0;
        boolean familyAligned = false;
        double sumW = 0;
        double sumS = 0;
        for (Pair p : pairs) {
            double w = (Integer.bitCount(p.a.covers) + Integer.bitCount(p.b.covers)) / 2.0;
            sumW += w;
            sumS += w * p.score;
            if (p.kind.strong) {
                strong++;
                familyAligned |= p.a.family || p.b.family;
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
        Agreement level;
        if (shorterAligned && (strong >= 2 || (bothSingle && strong == 1))) {
            level = Agreement.CLOSE;
        } else if (shorterAligned && strong + weak >= 1) {
            level = Agreement.WEAK;
        } else {
            level = Agreement.DISAGREE;
        }
        return new NameAlignment(a, b, level, similarity, pairs, usedA, usedB);
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

    /** Strong agreement of two tokens, packed as {@code kind << 16 | score * 10000}; 0 when none. */
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
        if (x.length() >= 2 && y.length() >= 2 && (x.first == y.first || (x.length() >= 4 && y.length() >= 4))) {
            double jw = JaroWinkler.similarity(x.text, y.text);
            if (jw >= TYPO && !startsWithOther(x.text, y.text)) {
                return pack(Kind.TYPO, jw);
            }
        }
        return 0;
    }

    /** Agreement involving a join or a particle; a particle only agrees with an equal token. */
    private static int extra(NameToken x, NameToken y) {
        boolean px = x.particle();
        boolean py = y.particle();
        if (px || py) {
            return px && py || !x.text.equals(y.text) ? 0 : pack(Kind.EXACT, 1);
        }
        return strong(x, y);
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
            if (x.length() >= 4 && y.length() >= 4) {
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
        if (lx >= 3 && ly >= 3) {
            double jw = JaroWinkler.similarity(x.text, y.text);
            if (jw >= SIMILAR) {
                return pack(Kind.SIMILAR, jw - 0.1);
            }
        }
        return 0;
    }

    /** Packs so that a higher kind-independent score wins: the score leads, the kind breaks ties. */
    private static int pack(Kind kind, double score) {
        return (int) Math.round(score * 10000) << 4 | (KINDS.length - kind.ordinal());
    }

    private static Pair pair(NameToken x, NameToken y, int packed) {
        Kind kind = KINDS[KINDS.length - (packed & 0xF)];
        return new Pair(x, y, kind, (packed >>> 4) / 10000.0);
    }

    /** What a person reads: the aligned pairs and why, and what was left over. */
    String explain() {
        List<String> parts = new ArrayList<>(pairs.size() + 4);
        if (level == Agreement.EXACT) {
            parts.add("same name in any order (" + a.sortedKey + ")");
        } else {
            for (Pair p : pairs) {
                String how = p.kind == Kind.TYPO
                        ? String.format(Locale.ROOT, "typo %.2f", p.score)
                        : p.kind == Kind.SIMILAR
                                ? String.format(Locale.ROOT, "similar %.2f", p.score + 0.1)
                                : p.kind.label;
                boolean joined = !contains(a.core, p.a) || !contains(b.core, p.b);
                parts.add(p.a.shown + "~" + p.b.shown + " " + (joined ? "joined, " : "") + how);
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
