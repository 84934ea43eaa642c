package org.concordia.generator;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Where a generated person's names come from, with what follows from it: the countries of
 * nationality, which partners are likely to hold records on the person, and how often each partner
 * keeps the name in its original writing.
 */
enum Origin {
    ARABIC(
            22,
            ArabicNames.INSTANCE,
            "SAU SAU SAU ARE ARE EGY EGY EGY MAR MAR MAR DZA DZA TUN JOR IRQ IRQ SYR SYR LBN QAT KWT OMN YEM SDN LBY",
            new int[] {3, 3, 3, 1, 4, 1},
            // GCCPOL and AFRIPOL records are often in Arabic script; elsewhere mostly transliterated
            new double[] {0.10, 0.10, 0.45, 0.05, 0.70, 0.05}),
    RUSSIAN(10, SlavicNames.RUSSIAN, "RUS RUS RUS RUS RUS RUS BLR KAZ", new int[] {4, 5, 1, 2, 2, 1}, new double[] {
        0.30, 0.25, 0.15, 0.15, 0.15, 0.15
    }),
    UKRAINIAN(5, SlavicNames.UKRAINIAN, "UKR", new int[] {4, 5, 1, 2, 2, 1}, new double[] {
        0.30, 0.25, 0.15, 0.15, 0.15, 0.15
    }),
    CHINESE(
            18,
            ChineseNames.INSTANCE,
            "CHN CHN CHN CHN CHN CHN CHN SGP MYS",
            new int[] {4, 2, 2, 5, 1, 2},
            new double[] {0.25, 0.15, 0.15, 0.50, 0.15, 0.15}),
    THAI(8, ThaiNames.INSTANCE, "THA", new int[] {3, 2, 1, 6, 1, 1}, new double[] {0.10, 0.10, 0.10, 0.65, 0.10, 0.10}),
    // Latin-script origins: "original" means keeping the diacritics
    GERMAN(5, LatinNames.GERMAN, "DEU DEU DEU DEU AUT CHE", Europe.OWNERS, Europe.ORIGINAL),
    POLISH(4, LatinNames.POLISH, "POL", Europe.OWNERS, Europe.ORIGINAL),
    NORDIC(2, LatinNames.NORDIC, "NOR DNK SWE", Europe.OWNERS, Europe.ORIGINAL),
    FRENCH(4, LatinNames.FRENCH, "FRA FRA FRA BEL CHE", Europe.OWNERS, Europe.ORIGINAL),
    ITALIAN(3, LatinNames.ITALIAN, "ITA", Europe.OWNERS, Europe.ORIGINAL),
    CZECH(1, LatinNames.CZECH, "CZE", Europe.OWNERS, Europe.ORIGINAL),
    HUNGARIAN(1, LatinNames.HUNGARIAN, "HUN", Europe.OWNERS, Europe.ORIGINAL),
    DUTCH(1, LatinNames.DUTCH, "NLD NLD BEL", Europe.OWNERS, Europe.ORIGINAL),
    TURKISH(3, LatinNames.TURKISH, "TUR TUR TUR DEU", Europe.OWNERS, Europe.ORIGINAL),
    IRISH(1, LatinNames.IRISH, "IRL IRL GBR", Europe.OWNERS, Europe.ORIGINAL),
    SPANISH(8, LatinNames.SPANISH, "ESP ESP ESP MEX MEX COL ARG PER", new int[] {3, 4, 1, 1, 1, 6}, new double[] {
        0.50, 0.60, 0.40, 0.30, 0.30, 0.70
    }),
    PORTUGUESE(4, LatinNames.PORTUGUESE, "PRT PRT BRA BRA BRA", new int[] {3, 4, 2, 1, 1, 6}, new double[] {
        0.50, 0.60, 0.40, 0.30, 0.30, 0.70
    });

    /** Shared by the European origins (enum constants cannot use the enum's own static fields). */
    private static final class Europe {
        static final int[] OWNERS = {4, 6, 1, 1, 1, 2};
        static final double[] ORIGINAL = {0.50, 0.70, 0.40, 0.30, 0.30, 0.40};
    }

    private static final Origin[] ALL = values();
    private static final int[] WEIGHTS =
            Arrays.stream(ALL).mapToInt(o -> o.weight).toArray();

    private final int weight;
    private final NameStyle names;
    private final Country[] countries;
    private final int[] ownerWeights;
    private final double[] originalByOwner;

    /**
     * @param countries alpha-3 codes separated by spaces; a code written twice is drawn twice as often
     * @param ownerWeights by {@link Owner} ordinal
     * @param originalByOwner by {@link Owner} ordinal, see {@link #keepsOriginal}
     */
    Origin(int weight, NameStyle names, String countries, int[] ownerWeights, double[] originalByOwner) {
        this.weight = weight;
        this.names = names;
        this.countries = Arrays.stream(countries.split(" ")).map(Country::of).toArray(Country[]::new);
        this.ownerWeights = ownerWeights;
        this.originalByOwner = originalByOwner;
    }

    static Origin pick(SplittableRandom rng) {
        return ALL[Dice.weighted(WEIGHTS, rng)];
    }

    NameStyle names() {
        return names;
    }

    Country nationality(SplittableRandom rng) {
        return Dice.pick(countries, rng);
    }

    /** {@code count} different owners, drawn by this origin's weights without replacement. */
    Owner[] owners(int count, SplittableRandom rng) {
        int[] w = ownerWeights.clone();
        Owner[] out = new Owner[count];
        for (int i = 0; i < count; i++) {
            int o = Dice.weighted(w, rng);
            out[i] = Owner.ALL[o];
            w[o] = 0;
        }
        return out;
    }

    /** Whether a record of {@code owner} keeps the name in its original writing. */
    boolean keepsOriginal(Owner owner, SplittableRandom rng) {
        return Dice.chance(rng, originalByOwner[owner.ordinal()]);
    }
}
