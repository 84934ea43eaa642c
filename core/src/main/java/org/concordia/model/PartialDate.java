package org.concordia.model;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date known to the year, the month or the day, as ISO 8601 writes it: {@code 1984}, {@code
 * 1984-03} or {@code 1984-03-07}. A partial date stays partial: it is never filled with a made-up
 * month or day.
 *
 * @param month 1–12, or 0 when unknown
 * @param day 1–31, or 0 when unknown (always 0 when the month is unknown)
 */
public record PartialDate(int year, int month, int day) implements Comparable<PartialDate> {
    private static final Pattern ISO = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    public PartialDate {
        if (year < 1 || year > 9999) {
            throw new IllegalArgumentException("year out of range");
        }
        if (month < 0 || month > 12 || (month == 0 && day != 0)) {
            throw new IllegalArgumentException("month out of range");
        }
        if (day != 0) {
            LocalDate.of(year, month, day); // throws for 1984-02-30
        }
    }

    /** Why a text is not a partial date. */
    public enum Failure {
        /** Not of the shape YYYY, YYYY-MM or YYYY-MM-DD. */
        FORMAT,
        /** Of the right shape, but no such day exists (1984-02-30, 1984-13). */
        IMPOSSIBLE
    }

    /** The result of {@link #parse}: a date, or why there is none. */
    public sealed interface Parsed {
        record Ok(PartialDate date) implements Parsed {}

        record Bad(Failure failure) implements Parsed {}
    }

    public static Parsed parse(String text) {
        if (text == null) {
            return new Parsed.Bad(Failure.FORMAT);
        }
        Matcher m = ISO.matcher(text.strip());
        if (!m.matches()) {
            return new Parsed.Bad(Failure.FORMAT);
        }
        if ("00".equals(m.group(2)) || "00".equals(m.group(3))) {
            return new Parsed.Bad(Failure.IMPOSSIBLE); // an unknown month or day is left out, not written 00
        }
        int y = Integer.parseInt(m.group(1));
        int mo = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        int d = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        return of(y, mo, d).<Parsed>map(Parsed.Ok::new).orElseGet(() -> new Parsed.Bad(Failure.IMPOSSIBLE));
    }

    /** The date, or empty when no such day exists. */
    public static Optional<PartialDate> of(int year, int month, int day) {
        if (year < 1 || year > 9999 || month < 0 || month > 12 || day < 0 || (month == 0 && day != 0)) {
            return Optional.empty();
        }
        if (day != 0) {
            try {
                LocalDate.of(year, month, day);
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }
        return Optional.of(new PartialDate(year, month, day));
    }

    public static PartialDate of(LocalDate date) {
        return new PartialDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    public boolean hasMonth() {
        return month != 0;
    }

    public boolean hasDay() {
        return day != 0;
    }

    /** The whole date when the day is known. */
    public Optional<LocalDate> toLocalDate() {
        return hasDay() ? Optional.of(LocalDate.of(year, month, day)) : Optional.empty();
    }

    /** The first day this date can be, for range checks. */
    public LocalDate earliest() {
        return LocalDate.of(year, hasMonth() ? month : 1, hasDay() ? day : 1);
    }

    /** The last day this date can be, for range checks. */
    public LocalDate latest() {
        if (hasDay()) {
            return LocalDate.of(year, month, day);
        }
        if (hasMonth()) {
            return YearMonth.of(year, month).atEndOfMonth();
        }
        return LocalDate.of(year, 12, 31);
    }

    @Override
    public int compareTo(PartialDate o) {
        int c = Integer.compare(year, o.year);
        if (c == 0) {
            c = Integer.compare(month, o.month);
        }
        return c != 0 ? c : Integer.compare(day, o.day);
    }

    /** The ISO 8601 form, as precise as the date is. */
    @Override
    public String toString() {
        if (!hasMonth()) {
            return String.format("%04d", year);
        }
        if (!hasDay()) {
            return String.format("%04d-%02d", year, month);
        }
        return String.format("%04d-%02d-%02d", year, month, day);
    }
}
