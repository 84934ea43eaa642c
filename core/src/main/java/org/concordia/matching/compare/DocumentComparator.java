package org.concordia.matching.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.concordia.matching.Agreement;
import org.concordia.matching.FieldComparison;
import org.concordia.model.DocumentRef;

/**
 * Compares the identity documents of two persons (passport, national id...), every document of one
 * against every document of the other, the best pair deciding. Field {@code "document"}. Numbers are
 * compared in their normalised form ({@link DocumentRef#normalizedNumber()}: upper case, no
 * separators). Two documents' countries are compatible when they are equal or either is unknown.
 *
 * <ul>
 *   <li>{@link Agreement#EXACT}: equal numbers, compatible countries (whatever the types say).
 *   <li>{@link Agreement#CLOSE}: compatible countries and numbers equal up to characters that optical
 *       character recognition and people confuse (0/O/Q/D, 1/I/L, 2/Z, 5/S, 8/B, 6/G; the confusion
 *       pairs of ICAO Doc 9303 Part 3's advice against ambiguous characters and of MRZ reading), or,
 *       in numbers of six characters or more, one keying error: a character wrong, missing, added, or
 *       two adjacent characters swapped (Damerau 1964).
 *   <li>{@link Agreement#WEAK}: equal numbers issued by different (known) countries: a coincidence
 *       or a wrong country.
 *   <li>{@link Agreement#DISAGREE}: no pair agrees and both persons have a document of the same type
 *       from the same known country with a different number (a renewed passport also lands here).
 *   <li>{@link Agreement#MISSING}: otherwise; documents of different types, or from unknown
 *       countries, say nothing against each other.
 * </ul>
 *
 * Stateless and thread-safe.
 */
public final class DocumentComparator {
    public static final String FIELD = "document";

    private DocumentComparator() {}

    /** One document, prepared. */
    record Doc(String type, String number, String folded, String country) {}

    /** A person's documents, prepared once. Immutable. */
    public static final class Docs {
        final Doc[] docs;

        private Docs(Doc[] docs) {
            this.docs = docs;
        }

        public boolean isEmpty() {
            return docs.length == 0;
        }
    }

    /** No document: one instance for the many persons without one. */
    private static final Docs NONE = new Docs(new Doc[0]);

    public static Docs prepare(List<DocumentRef> documents) {
        List<Doc> out = new ArrayList<>(documents.size());
        for (DocumentRef d : documents) {
            String n = d.normalizedNumber();
            if (n.isEmpty()) {
                continue;
            }
            String type = d.type() == null ? null : d.type().strip().toLowerCase(Locale.ROOT);
            String country = d.country() == null ? null : d.country().alpha3();
            String folded = ocrFold(n);
            out.add(new Doc(type, n, folded.equals(n) ? n : folded, country));
        }
        return out.isEmpty() ? NONE : new Docs(out.toArray(new Doc[0]));
    }

    public static FieldComparison compare(List<DocumentRef> a, List<DocumentRef> b) {
        return compare(prepare(a), prepare(b));
    }

    public static FieldComparison compare(Docs a, Docs b) {
        Agreement best = Agreement.MISSING;
        Doc ba = null;
        Doc bb = null;
        String why = null;
        for (Doc x : a.docs) {
            for (Doc y : b.docs) {
                boolean compatible = x.country == null || y.country == null || x.country.equals(y.country);
                Agreement level;
                String w;
                if (x.number.equals(y.number)) {
                    level = compatible ? Agreement.EXACT : Agreement.WEAK;
                    w = compatible ? "same number" : "same number, different issuing countries";
                } else if (compatible && x.folded.equals(y.folded)) {
                    level = Agreement.CLOSE;
                    w = "same number up to characters read alike";
                } else if (compatible
                        && Math.min(x.number.length(), y.number.length()) >= 6
                        && oneEdit(x.number, y.number)) {
                    level = Agreement.CLOSE;
                    w = "one keying error";
                } else if (x.type != null
                        && x.type.equals(y.type)
                        && x.country != null
                        && x.country.equals(y.country)) {
                    level = Agreement.DISAGREE;
                    w = "same type and country, different numbers";
                } else {
                    continue;
                }
                if (level.compareTo(best) > 0) {
                    best = level;
                    ba = x;
                    bb = y;
                    why = w;
                    if (level == Agreement.EXACT) {
                        break;
                    }
                }
            }
            if (best == Agreement.EXACT) {
                break;
            }
        }
        if (best == Agreement.MISSING) {
            return FieldComparison.missing(FIELD);
        }
        double sim = switch (best) {
            case EXACT -> 1;
            case CLOSE -> 0.9;
            case WEAK -> 0.5;
            default -> 0;
        };
        var fa = ba;
        var fb = bb;
        String because = why;
        return FieldComparison.lazy(
                FIELD, best, sim, () -> describe(fa) + " ~ " + describe(fb) + ": " + because, false);
    }

    private static String describe(Doc d) {
        return (d.type == null ? "document" : d.type) + " " + d.number
                + (d.country == null ? "" : " (" + d.country + ")");
    }

    /** The number with each group of look-alike characters written as one (O, Q, D as 0; I, L as 1...). */
    static String ocrFold(String n) {
        char[] c = n.toCharArray();
        for (int i = 0; i < c.length; i++) {
            c[i] = switch (c[i]) {
                case 'O', 'Q', 'D' -> '0';
                case 'I', 'L' -> '1';
                case 'Z' -> '2';
                case 'S' -> '5';
                case 'B' -> '8';
                case 'G' -> '6';
                default -> c[i];
            };
        }
        return new String(c);
    }

    /**
     * True when the two different strings are one edit apart: a substitution, an insertion or
     * deletion, or a swap of two adjacent characters (Damerau, "A technique for computer detection
     * and correction of spelling errors", CACM 7(3), 1964).
     */
    static boolean oneEdit(String x, String y) {
        int lx = x.length();
        int ly = y.length();
        if (Math.abs(lx - ly) > 1 || x.equals(y)) {
            return false;
        }
        int i = 0;
        while (i < Math.min(lx, ly) && x.charAt(i) == y.charAt(i)) {
            i++;
        }
        if (lx == ly) {
            if (x.regionMatches(i + 1, y, i + 1, lx - i - 1)) {
                return true; // substitution
            }
            return i + 1 < lx
                    && x.charAt(i) == y.charAt(i + 1)
                    && x.charAt(i + 1) == y.charAt(i)
                    && x.regionMatches(i + 2, y, i + 2, lx - i - 2); // transposition
        }
        if (lx > ly) {
            return x.regionMatches(i + 1, y, i, ly - i); // deletion from x
        }
        return y.regionMatches(i + 1, x, i, lx - i); // insertion into x
    }
}
