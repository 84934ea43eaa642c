package org.concordia.cli;

import org.concordia.matching.compare.NameComparator;
import org.concordia.matching.compare.PersonComparator;

/**
 * The matching configuration shared by the commands: one person comparator (its name variants and
 * learned cross-script model load once) for {@code link}, {@code screen}, {@code compare-names} and
 * the benchmarks.
 */
public final class Matching {
    private static final NameComparator NAMES = new NameComparator();
    private static final PersonComparator PERSONS =
            new PersonComparator(NAMES, new org.concordia.matching.compare.PlaceComparator());

    private Matching() {}

    public static PersonComparator comparator() {
        return PERSONS;
    }

    public static NameComparator names() {
        return NAMES;
    }
}
