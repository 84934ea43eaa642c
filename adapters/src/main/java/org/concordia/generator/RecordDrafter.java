package org.concordia.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.concordia.generator.NameStyle.Spelling;

/**
 * Renders one record of a person as one owner holds it: the owner's choice of script or
 * transliteration, a layout of the name, keying errors, a birth date that may be partial, swapped
 * or missing, nationality in one of the many ways it is written, documents with or without
 * separators, and the owner's handling.
 */
final class RecordDrafter {
    private static final String[] HANDLING_CODES = {"H0", "H1", "H2", "H3"};
    private static final int[] HANDLING_WEIGHTS = {55, 20, 18, 7};

    private RecordDrafter() {}

    static Draft draft(Person p, Owner owner, SplittableRandom rng) {
        NameStyle style = p.origin().names();
        boolean original = p.origin().keepsOriginal(owner, rng);
        Spelling spelling = style.spell(p, original, rng);
        // Keying errors are applied to alphabetic spellings; Han and Thai misspellings are other
        // characters altogether, and Arabic records vary by their orthography (ArabicNames).
        boolean alphabetic = "Latn".equals(spelling.script()) || "Cyrl".equals(spelling.script());
        if (alphabetic && Dice.chance(rng, 0.12)) {
            spelling = typo(spelling, rng);
        }
        List<Draft.Name> names = new ArrayList<>(2);
        names.add(NameLayout.layout(spelling, rng));
        if (Dice.chance(rng, 0.15)) {
            // the record keeps the name in the other writing too (original and transliteration)
            names.add(NameLayout.layout(style.spell(p, !original, rng), rng));
        }
        return new Draft(
                owner,
                p.id(),
                tlp(rng),
                HANDLING_CODES[Dice.weighted(HANDLING_WEIGHTS, rng)],
                Dice.chance(rng, owner == Owner.GCCPOL ? 0.3 : owner == Owner.INTERPOL ? 0.15 : 0.08),
                names,
                Dice.chance(rng, 0.85) ? String.valueOf(p.sex()) : null,
                birthDate(p.birth(), rng),
                Dice.chance(rng, 0.55) ? birthPlace(p, rng) : null,
                nationalities(p, rng),
                documents(p, rng));
    }

    private static Spelling typo(Spelling s, SplittableRandom rng) {
        double r = rng.nextDouble();
        if (s.middle() != null && r < 0.1) {
            return new Spelling(
                    s.given(), Typos.apply(s.middle(), rng), s.family(), s.script(), s.familyFirst(), s.unspaced());
        } else if (r < 0.55) {
            return new Spelling(
                    Typos.apply(s.given(), rng), s.middle(), s.family(), s.script(), s.familyFirst(), s.unspaced());
        }
        return new Spelling(
                s.given(), s.middle(), Typos.apply(s.family(), rng), s.script(), s.familyFirst(), s.unspaced());
    }

    private static String tlp(SplittableRandom rng) {
        double r = rng.nextDouble();
        if (r < 0.72) {
            return "AMBER";
        } else if (r < 0.86) {
            return "GREEN";
        } else if (r < 0.92) {
            return "RED";
        } else if (r < 0.97) {
            return "AMBER+STRICT";
        }
        return "CLEAR";
    }

    /** The birth date as this record has it: full, year and month, year only, day and month swapped, or none. */
    static String birthDate(LocalDate d, SplittableRandom rng) {
        double r = rng.nextDouble();
        String year = Integer.toString(d.getYear());
        if (r < 0.06) {
            return null;
        } else if (r < 0.13) {
            return year;
        } else if (r < 0.21) {
            return year + "-" + Dice.pad(d.getMonthValue(), 2);
        } else if (r < 0.25 && d.getDayOfMonth() <= 12 && d.getDayOfMonth() != d.getMonthValue()) {
            // a US-style date read as European, or the reverse: still a real day, but the wrong one
            return year + "-" + Dice.pad(d.getDayOfMonth(), 2) + "-" + Dice.pad(d.getMonthValue(), 2);
        }
        return year + "-" + Dice.pad(d.getMonthValue(), 2) + "-" + Dice.pad(d.getDayOfMonth(), 2);
    }

    private static String birthPlace(Person p, SplittableRandom rng) {
        List<String> spellings = p.nationality().cities().get(p.birthCity());
        return spellings.size() == 1 || Dice.chance(rng, 0.6)
                ? spellings.get(0)
                : spellings.get(rng.nextInt(spellings.size()));
    }

    private static List<String> nationalities(Person p, SplittableRandom rng) {
        List<String> out = new ArrayList<>(2);
        if (Dice.chance(rng, 0.9)) {
            out.add(country(p.nationality(), rng));
        }
        if (p.secondNationality() != null && Dice.chance(rng, 0.6)) {
            out.add(country(p.secondNationality(), rng));
        }
        return out;
    }

    /** A country as one of the codes or names partners write: alpha-3, alpha-2, ICAO or a name in English, French or Spanish. */
    static String country(Country c, SplittableRandom rng) {
        double r = rng.nextDouble();
        if (r < 0.45) {
            return c.alpha3();
        } else if (r < 0.60) {
            return c.alpha2();
        } else if (r < 0.68) {
            return c.icao();
        } else if (r < 0.80) {
            return Dice.chance(rng, 0.3) ? c.english().toUpperCase(Locale.ROOT) : c.english();
        } else if (r < 0.88) {
            return c.french();
        } else if (r < 0.95) {
            return c.spanish();
        }
        return c.alpha3().toLowerCase(Locale.ROOT);
    }

    private static List<Draft.Document> documents(Person p, SplittableRandom rng) {
        List<Draft.Document> out = new ArrayList<>(2);
        if (Dice.chance(rng, 0.55)) {
            String number = p.oldPassport() != null && Dice.chance(rng, 0.3) ? p.oldPassport() : p.passport();
            out.add(new Draft.Document("passport", number(number, rng), documentCountry(p.nationality(), rng)));
        }
        if (p.nationalId() != null && Dice.chance(rng, 0.35)) {
            out.add(new Draft.Document(
                    "national_id", number(p.nationalId(), rng), documentCountry(p.nationality(), rng)));
        }
        return out;
    }

    private static String documentCountry(Country c, SplittableRandom rng) {
        double r = rng.nextDouble();
        return r < 0.7 ? c.alpha3() : r < 0.85 ? c.alpha2() : null;
    }

    /** A document number as printed, run together, or regrouped with spaces or dashes; some in lower case. */
    static String number(String printed, SplittableRandom rng) {
        double r = rng.nextDouble();
        if (r < 0.45) {
            return printed;
        }
        StringBuilder compact = new StringBuilder(printed.length());
        for (int i = 0; i < printed.length(); i++) {
            char c = printed.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                compact.append(c);
            }
        }
        String s = compact.toString();
        if (r < 0.78) {
            return s;
        } else if (r < 0.83) {
            return s.toLowerCase(Locale.ROOT);
        } else if (r < 0.92) {
            int letters = 0;
            while (letters < s.length() && Character.isLetter(s.charAt(letters))) {
                letters++;
            }
            int at = letters > 0 && letters < s.length() ? letters : s.length() / 2;
            return s.substring(0, at) + " " + s.substring(at);
        }
        StringBuilder dashed = new StringBuilder(s.length() + 4);
        for (int i = 0; i < s.length(); i++) {
            if (i > 0 && i % 3 == 0) {
                dashed.append('-');
            }
            dashed.append(s.charAt(i));
        }
        return dashed.toString();
    }
}
