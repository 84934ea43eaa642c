package org.concordia.matching.compare;

import org.concordia.matching.Agreement;
import org.concordia.matching.FieldComparison;
import org.concordia.model.PartialDate;

/**
 * Compares two birth dates, which may be partial ({@code 1984}, {@code 1984-03}, {@code
 * 1984-03-07}). Field {@code "birthDate"}. Levels:
 *
 * <ul>
 *   <li>{@link Agreement#MISSING}: a side has no date.
 *   <li>{@link Agreement#EXACT}: the same day, both known to the day (similarity 1).
 *   <li>{@link Agreement#CLOSE}: the same date up to one keying error or a loss of precision that
 *       keeps the month: day and month transposed (1984-03-07 ~ 1984-07-03, a US date read as a
 *       European one; 0.9); both known at least to the month and agreeing as far as both go
 *       (1984-03 ~ 1984-03-07; 0.85); one digit wrong or two adjacent digits swapped in the day or the
 *       month, the rest equal (1984-03-07 ~ 1984-03-17; 0.8); the last digit of the year wrong, month
 *       and day equal (1984-03-07 ~ 1985-03-07; 0.8).
 *   <li>{@link Agreement#WEAK}: compatible but much less precise, or nearly the year: one side known
 *       to the year only and the same year (1984 ~ 1984-03-07; 0.6); years one apart where the rest
 *       does not contradict (1984 ~ 1985-03-07, 1984-03 ~ 1985-03, 1989-03-07 ~ 1990-03-07; 0.4).
 *   <li>{@link Agreement#DISAGREE}: anything else, similarity falling with the years between (0.3 at
 *       the same year, 0 from ten years apart). A father and son born 25–35 years apart always
 *       disagree; twins share the date (their names tell them apart).
 * </ul>
 *
 * Sources: the date errors of the FEBRL generator (Christen, "Probabilistic Data Generation for
 * Deduplication and Data Linkage", IDEAL 2005: digit substitutions and transpositions) and
 * day/month transposition as Splink's date comparison levels treat it (Splink documentation,
 * "DateComparison"); the level boundaries are Concordia's. Stateless and thread-safe.
 */
public final class DateComparator {
    public static final String FIELD = "birthDate";

    private DateComparator() {}

    public static FieldComparison compare(PartialDate a, PartialDate b) {
        if (a == null || b == null) {
            return FieldComparison.missing(FIELD);
        }
        Agreement level;
        double sim;
        String why;
        int dy = Math.abs(a.year() - b.year());
        boolean bothDay = a.hasDay() && b.hasDay();
        if (bothDay && a.equals(b)) {
            return FieldComparison.lazy(FIELD, Agreement.EXACT, 1, () -> text(a) + " = " + text(b), false);
        }
        if (bothDay) {
            if (dy == 0 && a.month() == b.day() && a.day() == b.month()) {
                level = Agreement.CLOSE;
                sim = 0.9;
                why = "day and month transposed";
            } else if (dy == 0 && a.month() == b.month() && oneKeyingError(a.day(), b.day())) {
                level = Agreement.CLOSE;
                sim = 0.8;
                why = "one keying error in the day";
            } else if (dy == 0 && a.day() == b.day() && oneKeyingError(a.month(), b.month())) {
                level = Agreement.CLOSE;
                sim = 0.8;
                why = "one keying error in the month";
            } else if (dy < 10 && a.month() == b.month() && a.day() == b.day() && a.year() / 10 == b.year() / 10) {
                level = Agreement.CLOSE;
                sim = 0.8;
                why = "one keying error in the year";
            } else if (dy == 1 && a.month() == b.month() && a.day() == b.day()) {
                level = Agreement.WEAK;
                sim = 0.4;
                why = "years one apart";
            } else {
                level = Agreement.DISAGREE;
                sim = disagreement(dy);
                why = dy == 0 ? "same year, different day" : null; // "N years apart", written when asked for
            }
        } else if (dy == 0 && compatible(a, b)) {
            boolean samePrecision = a.hasMonth() == b.hasMonth() && a.hasDay() == b.hasDay();
            if (a.hasMonth() && b.hasMonth()) {
                level = Agreement.CLOSE;
                sim = 0.85;
                why = samePrecision
                        ? "agree to the month, neither known to the day"
                        : "agree to the month, one less precise";
            } else {
                level = Agreement.WEAK;
                sim = 0.6;
                why = samePrecision
                        ? "agree to the year, neither known further"
                        : "agree to the year, one less precise";
            }
        } else if (dy == 1 && compatibleBeyondYear(a, b)) {
            level = Agreement.WEAK;
            sim = 0.4;
            why = "years one apart";
        } else {
            level = Agreement.DISAGREE;
            sim = disagreement(dy);
            why = dy == 0 ? "same year, different month" : null;
        }
        String reason = why;
        return FieldComparison.lazy(
                FIELD,
                level,
                sim,
                () -> text(a) + " ~ " + text(b) + ": " + (reason != null ? reason : dy + " years apart"),
                false);
    }

    /** Same year, and same month when both have one. */
    private static boolean compatible(PartialDate a, PartialDate b) {
        return !(a.hasMonth() && b.hasMonth() && a.month() != b.month());
    }

    /** Month and day equal wherever both are known. */
    private static boolean compatibleBeyondYear(PartialDate a, PartialDate b) {
        if (a.hasMonth() && b.hasMonth() && a.month() != b.month()) {
            return false;
        }
        return !(a.hasDay() && b.hasDay() && a.day() != b.day());
    }

    /**
     * True when two numbers of one or two digits, written with two digits, differ by one digit or by
     * the swap of their two digits (07 ~ 17, 07 ~ 01, 12 ~ 21).
     */
    static boolean oneKeyingError(int x, int y) {
        if (x == y) {
            return false;
        }
        int x1 = x / 10;
        int x0 = x % 10;
        int y1 = y / 10;
        int y0 = y % 10;
        return x1 == y1 || x0 == y0 || (x1 == y0 && x0 == y1);
    }

    /** The ISO form, as {@link PartialDate#toString} writes it, without the cost of a formatter. */
    static String text(PartialDate d) {
        char[] c = new char[10];
        int y = d.year();
        c[0] = (char) ('0' + y / 1000);
        c[1] = (char) ('0' + y / 100 % 10);
        c[2] = (char) ('0' + y / 10 % 10);
        c[3] = (char) ('0' + y % 10);
        if (!d.hasMonth()) {
            return new String(c, 0, 4);
        }
        c[4] = '-';
        c[5] = (char) ('0' + d.month() / 10);
        c[6] = (char) ('0' + d.month() % 10);
        if (!d.hasDay()) {
            return new String(c, 0, 7);
        }
        c[7] = '-';
        c[8] = (char) ('0' + d.day() / 10);
        c[9] = (char) ('0' + d.day() % 10);
        return new String(c);
    }

    private static double disagreement(int yearsApart) {
        return Math.max(0, 0.3 * (1 - yearsApart / 10.0));
    }
}
