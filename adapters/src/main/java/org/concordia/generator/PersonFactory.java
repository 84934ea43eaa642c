package org.concordia.generator;

import java.time.LocalDate;
import java.time.Year;
import java.util.SplittableRandom;

/**
 * Draws generated people, alone or in look-alike pairs. Birth years are fixed to 1940–2007, not
 * taken from the clock, so that output does not depend on the day it is made and no birth date is
 * ever in the future.
 */
final class PersonFactory {
    static final int FIRST_YEAR = 1940;
    static final int LAST_YEAR = 2007;

    private static final String[] SECOND_NATIONALITIES = {
        "FRA", "GBR", "DEU", "USA", "CAN", "SWE", "NLD", "AUS", "BEL", "CHE", "AUT", "ESP", "ITA"
    };

    private PersonFactory() {}

    static Person random(int number, SplittableRandom rng) {
        return create(number, Origin.pick(rng), rng.nextDouble() < 0.68 ? 'M' : 'F', birth(rng), rng);
    }

    /** Two different people who look alike, numbered {@code number} and {@code number + 1}. */
    static Person[] pair(Lookalike kind, int number, SplittableRandom rng) {
        return switch (kind) {
            case SAME_NAME_DIFFERENT_BIRTH -> namesakes(number, rng);
            case TWINS -> twins(number, rng);
            case FATHER_SON -> fatherAndSon(number, rng);
        };
    }

    private static Person[] namesakes(int number, SplittableRandom rng) {
        Person a = random(number, rng);
        int year;
        do {
            year = FIRST_YEAR + rng.nextInt(LAST_YEAR - FIRST_YEAR + 1);
        } while (Math.abs(year - a.birth().getYear()) < 2);
        Country nationality =
                Dice.chance(rng, 0.7) ? a.nationality() : a.origin().nationality(rng);
        Person b = new Person(
                number + 1,
                a.origin(),
                a.sex(),
                a.given(),
                a.middle(),
                a.family(),
                a.family2(),
                dayIn(year, rng),
                nationality,
                null,
                rng.nextInt(nationality.cities().size()),
                IdNumbers.passport(nationality, rng),
                null,
                null);
        return new Person[] {a, withNationalId(b, rng)};
    }

    private static Person[] twins(int number, SplittableRandom rng) {
        Person a = random(number, rng);
        NameStyle names = a.origin().names();
        char sex = rng.nextBoolean() ? 'M' : 'F';
        int given;
        do {
            given = rng.nextInt(names.givenCount(sex));
        } while (sex == a.sex() && given == a.given());
        int middle = names.middleIsFathersName() ? a.middle() : otherMiddle(names, sex, given, rng);
        Person b = new Person(
                number + 1,
                a.origin(),
                sex,
                given,
                middle,
                a.family(),
                a.family2(),
                a.birth(),
                a.nationality(),
                a.secondNationality(),
                a.birthCity(),
                IdNumbers.passport(a.nationality(), rng),
                null,
                null);
        return new Person[] {a, withNationalId(b, rng)};
    }

    private static Person[] fatherAndSon(int number, SplittableRandom rng) {
        int gap = 25 + rng.nextInt(11);
        int fatherYear = FIRST_YEAR + rng.nextInt(LAST_YEAR - gap - FIRST_YEAR + 1);
        Person father = create(number, Origin.pick(rng), 'M', dayIn(fatherYear, rng), rng);
        NameStyle names = father.origin().names();
        // where the middle name is the father's name, the son's is his father's given name
        int middle = names.middleIsFathersName() ? father.given() : otherMiddle(names, 'M', father.given(), rng);
        Person son = new Person(
                number + 1,
                father.origin(),
                'M',
                father.given(),
                middle,
                father.family(),
                father.family2(),
                dayIn(fatherYear + gap, rng),
                father.nationality(),
                Dice.chance(rng, 0.5) ? father.secondNationality() : null,
                Dice.chance(rng, 0.5)
                        ? father.birthCity()
                        : rng.nextInt(father.nationality().cities().size()),
                IdNumbers.passport(father.nationality(), rng),
                null,
                null);
        return new Person[] {father, withNationalId(son, rng)};
    }

    private static Person create(int number, Origin origin, char sex, LocalDate birth, SplittableRandom rng) {
        NameStyle names = origin.names();
        int given = rng.nextInt(names.givenCount(sex));
        int middle = names.middleIsFathersName() ? names.middle(sex, rng) : otherMiddle(names, sex, given, rng);
        int family = rng.nextInt(names.familyCount());
        int family2 = names.secondFamily(family, rng);
        Country nationality = origin.nationality(rng);
        Country second = Dice.chance(rng, 0.05) ? Country.of(Dice.pick(SECOND_NATIONALITIES, rng)) : null;
        if (second == nationality) {
            second = null;
        }
        String passport = IdNumbers.passport(nationality, rng);
        String oldPassport = Dice.chance(rng, 0.15) ? IdNumbers.passport(nationality, rng) : null;
        return new Person(
                number,
                origin,
                sex,
                given,
                middle,
                family,
                family2,
                birth,
                nationality,
                second,
                rng.nextInt(nationality.cities().size()),
                passport,
                oldPassport,
                IdNumbers.nationalId(nationality, birth, sex, rng));
    }

    /** A second given name other than the first, or -1. */
    private static int otherMiddle(NameStyle names, char sex, int given, SplittableRandom rng) {
        int m = names.middle(sex, rng);
        return m == given ? -1 : m;
    }

    private static Person withNationalId(Person p, SplittableRandom rng) {
        return new Person(
                p.number(),
                p.origin(),
                p.sex(),
                p.given(),
                p.middle(),
                p.family(),
                p.family2(),
                p.birth(),
                p.nationality(),
                p.secondNationality(),
                p.birthCity(),
                p.passport(),
                p.oldPassport(),
                IdNumbers.nationalId(p.nationality(), p.birth(), p.sex(), rng));
    }

    /** Most people in police records were born 1955–2004; some earlier or later. */
    private static LocalDate birth(SplittableRandom rng) {
        int year =
                Dice.chance(rng, 0.8) ? 1955 + rng.nextInt(50) : FIRST_YEAR + rng.nextInt(LAST_YEAR - FIRST_YEAR + 1);
        return dayIn(year, rng);
    }

    private static LocalDate dayIn(int year, SplittableRandom rng) {
        return LocalDate.ofYearDay(year, 1 + rng.nextInt(Year.of(year).length()));
    }
}
