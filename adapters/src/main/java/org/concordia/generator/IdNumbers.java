package org.concordia.generator;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Passport and national identity numbers in the shapes countries issue, written as the issuer
 * prints them (separators included). Where a national number carries a check digit, it is right,
 * so that validators checking it accept generated numbers.
 */
final class IdNumbers {
    private static final String LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";
    // German passport serials avoid vowels and letters easily misread (BSI document serial numbers)
    private static final String SERIAL = "CFGHJKLMNPRTVWXYZ0123456789";
    private static final String[] CHN_REGIONS = {"110101", "310101", "440103", "510104", "420102", "330106"};

    private IdNumbers() {}

    static String passport(Country c, SplittableRandom rng) {
        return pattern(c.passport(), rng);
    }

    /** A national identity number, or null when the country has none in the generator's data. */
    static String nationalId(Country c, LocalDate birth, char sex, SplittableRandom rng) {
        String shape = c.nationalId();
        if (shape == null) {
            return null;
        }
        return switch (shape) {
            case "@CHN" -> chinese(birth, sex, rng);
            case "@THA" -> thai(rng);
            case "@ARE" -> emirati(birth, rng);
            case "@ESP" -> spanish(rng);
            case "@BRA" -> brazilian(rng);
            default -> pattern(shape, rng);
        };
    }

    /** {@code L} a letter, {@code #} a digit, {@code *} a serial character, anything else as written. */
    static String pattern(String shape, SplittableRandom rng) {
        StringBuilder sb = new StringBuilder(shape.length());
        for (int i = 0; i < shape.length(); i++) {
            char c = shape.charAt(i);
            switch (c) {
                case 'L' -> sb.append(LETTERS.charAt(rng.nextInt(LETTERS.length())));
                case '#' -> sb.append((char) ('0' + rng.nextInt(10)));
                case '*' -> sb.append(SERIAL.charAt(rng.nextInt(SERIAL.length())));
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Resident identity card number, GB 11643-1999: region, birth date, sequence (odd for men), ISO 7064 MOD 11-2 check. */
    private static String chinese(LocalDate birth, char sex, SplittableRandom rng) {
        StringBuilder sb = new StringBuilder(18);
        sb.append(Dice.pick(CHN_REGIONS, rng));
        sb.append(birth.getYear())
                .append(Dice.pad(birth.getMonthValue(), 2))
                .append(Dice.pad(birth.getDayOfMonth(), 2));
        int seq = rng.nextInt(500) * 2 + (sex == 'M' ? 1 : 0);
        sb.append(Dice.pad(seq, 3));
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (sb.charAt(i) - '0') * weights[i];
        }
        return sb.append("10X98765432".charAt(sum % 11)).toString();
    }

    /** Thai citizen id: 13 digits, the last a mod-11 check, printed 1-2345-67890-12-3. */
    private static String thai(SplittableRandom rng) {
        int[] d = new int[13];
        d[0] = 1 + rng.nextInt(8);
        int sum = d[0] * 13;
        for (int i = 1; i < 12; i++) {
            d[i] = rng.nextInt(10);
            sum += d[i] * (13 - i);
        }
        d[12] = (11 - sum % 11) % 10;
        StringBuilder sb = new StringBuilder(17);
        for (int i = 0; i < 13; i++) {
            if (i == 1 || i == 5 || i == 10 || i == 12) {
                sb.append('-');
            }
            sb.append(d[i]);
        }
        return sb.toString();
    }

    /** Emirates ID: 784, year of birth, seven digits and a Luhn check digit, printed 784-1984-1234567-1. */
    private static String emirati(LocalDate birth, SplittableRandom rng) {
        String body = "784" + birth.getYear() + IdNumbers.pattern("#######", rng);
        return "784-" + birth.getYear() + "-" + body.substring(7) + "-" + luhn(body);
    }

    private static int luhn(String digits) {
        int sum = 0;
        boolean twice = true; // the check digit will stand to the right
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return (10 - sum % 10) % 10;
    }

    /** Spanish DNI: eight digits and the check letter of the number modulo 23. */
    private static String spanish(SplittableRandom rng) {
        int n = rng.nextInt(100_000_000);
        return Dice.pad(n, 8) + "TRWAGMYFPDXBNJZSQVHLCKE".charAt(n % 23);
    }

    /** Brazilian CPF: nine digits and two mod-11 check digits, printed 123.456.789-09. */
    private static String brazilian(SplittableRandom rng) {
        int[] d = new int[11];
        for (int i = 0; i < 9; i++) {
            d[i] = rng.nextInt(10);
        }
        d[9] = cpfCheck(d, 9);
        d[10] = cpfCheck(d, 10);
        StringBuilder sb = new StringBuilder(14);
        for (int i = 0; i < 11; i++) {
            if (i == 3 || i == 6) {
                sb.append('.');
            } else if (i == 9) {
                sb.append('-');
            }
            sb.append(d[i]);
        }
        return sb.toString();
    }

    private static int cpfCheck(int[] d, int n) {
        int sum = 0;
        for (int i = 0; i < n; i++) {
            sum += d[i] * (n + 1 - i);
        }
        int r = sum % 11;
        return r < 2 ? 0 : 11 - r;
    }
}
