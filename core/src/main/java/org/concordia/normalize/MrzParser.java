package org.concordia.normalize;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.concordia.model.Mrz;
import org.concordia.model.PartialDate;
import org.concordia.model.Sex;

/**
 * Parses machine-readable zones of travel documents (ICAO Doc 9303 Part 4 for TD3 passports, Part 5
 * for TD1 and Part 6 for TD2 cards) and verifies every check digit (Part 3, section 4.9: weights 7, 3,
 * 1 repeating; digits count as themselves, A–Z as 10–35, the filler {@code <} as 0).
 *
 * <p>Document numbers longer than nine characters are read as Part 5 section 4.2.4 (TD1) and Part 6
 * (TD2) describe: the check-digit position holds {@code <} and the rest of the number, with its
 * check digit, opens the optional data. The same reading is applied to TD3 zones that use it.
 */
public final class MrzParser {
    private MrzParser() {}

    /** The outcome of parsing. */
    public sealed interface Result {
        record Parsed(Mrz mrz) implements Result {}

        /**
         * The zone cannot be used.
         *
         * @param checkDigit true when the zone is well-formed but a check digit is wrong
         * @param field which field failed, for example {@code document_number} (never its value)
         */
        record Invalid(boolean checkDigit, String field) implements Result {}
    }

    /** Parses the lines of a zone (TD1: 3×30, TD2: 2×36, TD3: 2×44). */
    public static Result parse(List<String> rawLines) {
        List<String> lines = rawLines.stream()
                .map(l -> l.strip().toUpperCase(Locale.ROOT))
                .filter(l -> !l.isEmpty())
                .toList();
        for (String l : lines) {
            if (!l.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '<')) {
                return new Result.Invalid(false, "characters");
            }
        }
        if (lines.size() == 3 && lines.stream().allMatch(l -> l.length() == 30)) {
            return td1(lines);
        }
        if (lines.size() == 2 && lines.get(0).length() == 36 && lines.get(1).length() == 36) {
            return td2or3(lines, "TD2", 36);
        }
        if (lines.size() == 2 && lines.get(0).length() == 44 && lines.get(1).length() == 44) {
            return td2or3(lines, "TD3", 44);
        }
        return new Result.Invalid(false, "format");
    }

    /** Splits a zone given as one text, on line breaks or whitespace. */
    public static Result parse(String zone) {
        return parse(List.of(zone.strip().split("\\s+")));
    }

    /** The check digit of {@code s} (ICAO Doc 9303 Part 3, 4.9). */
    public static int checkDigit(CharSequence s) {
        int[] weights = {7, 3, 1};
        int sum = 0;
        for (int i = 0; i < s.length(); i++) {
            sum += value(s.charAt(i)) * weights[i % 3];
        }
        return sum % 10;
    }

    private static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        return 0;
    }

    private static boolean checks(String field, char digit) {
        return digit >= '0' && digit <= '9' && checkDigit(field) == digit - '0';
    }

    /** An optional check digit may be {@code <} when its field is all fillers. */
    private static boolean checksOptional(String field, char digit) {
        if (digit == '<') {
            return field.chars().allMatch(c -> c == '<');
        }
        return checks(field, digit);
    }

    private static Result td2or3(List<String> lines, String format, int len) {
        String l1 = lines.get(0);
        String l2 = lines.get(1);
        String docField = l2.substring(0, 9);
        char docCheck = l2.charAt(9);
        int optEnd = len == 44 ? 42 : 35;
        String optional = l2.substring(28, optEnd);
        String number = documentNumber(docField, docCheck, optional);
        if (number == null) {
            return new Result.Invalid(true, "document_number");
        }
        if (!checks(l2.substring(13, 19), l2.charAt(19)) && !isUnknownDate(l2.substring(13, 19))) {
            return new Result.Invalid(true, "birth_date");
        }
        if (!checks(l2.substring(21, 27), l2.charAt(27))) {
            return new Result.Invalid(true, "expiry_date");
        }
        if (len == 44 && !checksOptional(l2.substring(28, 42), l2.charAt(42))) {
            return new Result.Invalid(true, "optional_data");
        }
        String composite = len == 44
                ? l2.substring(0, 10) + l2.substring(13, 20) + l2.substring(21, 43)
                : l2.substring(0, 10) + l2.substring(13, 20) + l2.substring(21, 35);
        if (!checks(composite, l2.charAt(len - 1))) {
            return new Result.Invalid(true, "composite");
        }
        String[] names = names(l1.substring(5));
        return new Result.Parsed(new Mrz(
                format,
                strip(l1.substring(0, 2)),
                strip(l1.substring(2, 5)),
                names[0],
                names[1],
                strip(number),
                strip(l2.substring(10, 13)),
                birthDate(l2.substring(13, 19)),
                Sex.parse(String.valueOf(l2.charAt(20))).orElse(null),
                expiryDate(l2.substring(21, 27)),
                lines));
    }

    private static Result td1(List<String> lines) {
        String l1 = lines.get(0);
        String l2 = lines.get(1);
        String l3 = lines.get(2);
        String docField = l1.substring(5, 14);
        char docCheck = l1.charAt(14);
        String optional1 = l1.substring(15, 30);
        String number = documentNumber(docField, docCheck, optional1);
        if (number == null) {
            return new Result.Invalid(true, "document_number");
        }
        if (!checks(l2.substring(0, 6), l2.charAt(6)) && !isUnknownDate(l2.substring(0, 6))) {
            return new Result.Invalid(true, "birth_date");
        }
        if (!checks(l2.substring(8, 14), l2.charAt(14))) {
            return new Result.Invalid(true, "expiry_date");
        }
        String composite = l1.substring(5, 30) + l2.substring(0, 7) + l2.substring(8, 15) + l2.substring(18, 29);
        if (!checks(composite, l2.charAt(29))) {
            return new Result.Invalid(true, "composite");
        }
        String[] names = names(l3);
        return new Result.Parsed(new Mrz(
                "TD1",
                strip(l1.substring(0, 2)),
                strip(l1.substring(2, 5)),
                names[0],
                names[1],
                strip(number),
                strip(l2.substring(15, 18)),
                birthDate(l2.substring(0, 6)),
                Sex.parse(String.valueOf(l2.charAt(7))).orElse(null),
                expiryDate(l2.substring(8, 14)),
                lines));
    }

    /**
     * The document number, its check digit verified; a number longer than nine characters continues
     * in the optional data, where its check digit follows it. Null when a check digit is wrong.
     */
    private static String documentNumber(String docField, char docCheck, String optional) {
        if (docCheck == '<' && !optional.startsWith("<")) {
            int end = optional.indexOf('<');
            String rest = end < 0 ? optional : optional.substring(0, end);
            if (rest.length() < 2) {
                return null;
            }
            String number = docField + rest.substring(0, rest.length() - 1);
            return checks(number, rest.charAt(rest.length() - 1)) ? number : null;
        }
        return checks(docField, docCheck) ? docField : null;
    }

    private static boolean isUnknownDate(String yymmdd) {
        return yymmdd.contains("<");
    }

    private static String[] names(String field) {
        String trimmed = field.replaceAll("<+$", "");
        int sep = trimmed.indexOf("<<");
        String surname = sep < 0 ? trimmed : trimmed.substring(0, sep);
        String given = sep < 0 ? "" : trimmed.substring(sep + 2);
        return new String[] {
            surname.replace('<', ' ').strip(), given.replace('<', ' ').strip()
        };
    }

    private static String strip(String s) {
        return s.replace("<", "").strip();
    }

    /** Birth dates: a two-digit year later than this year is read as the previous century. */
    private static PartialDate birthDate(String yymmdd) {
        if (!yymmdd.substring(0, 2).matches("\\d\\d")) {
            return null;
        }
        int yy = Integer.parseInt(yymmdd.substring(0, 2));
        int thisYear = LocalDate.now().getYear() % 100;
        int year = (yy > thisYear ? 1900 : 2000) + yy;
        return date(year, yymmdd);
    }

    /** Expiry dates: documents are valid at most a few decades, so 70–99 are read as 19xx. */
    private static PartialDate expiryDate(String yymmdd) {
        if (!yymmdd.substring(0, 2).matches("\\d\\d")) {
            return null;
        }
        int yy = Integer.parseInt(yymmdd.substring(0, 2));
        return date((yy >= 70 ? 1900 : 2000) + yy, yymmdd);
    }

    private static PartialDate date(int year, String yymmdd) {
        int month = yymmdd.substring(2, 4).matches("\\d\\d") ? Integer.parseInt(yymmdd.substring(2, 4)) : 0;
        int day = month != 0 && yymmdd.substring(4, 6).matches("\\d\\d") ? Integer.parseInt(yymmdd.substring(4, 6)) : 0;
        return PartialDate.of(year, month, day)
                .orElse(PartialDate.of(year, 0, 0).orElseThrow());
    }
}
