package org.concordia.generator;

import java.time.LocalDate;

/**
 * One generated real person: the truth that each of the person's records renders with its own
 * variations. Names are indices into the pools of {@link Origin#names()}.
 *
 * @param number 1-based, in generation order; gives the person id
 * @param sex {@code M} or {@code F}
 * @param middle index of the middle name (see {@link NameStyle#middle}) or -1
 * @param family2 index of a second family name or -1
 * @param secondNationality null for most people
 * @param birthCity index into {@code nationality.cities()}
 * @param oldPassport an earlier passport number some records still hold, or null
 * @param nationalId null when the person has none
 */
record Person(
        int number,
        Origin origin,
        char sex,
        int given,
        int middle,
        int family,
        int family2,
        LocalDate birth,
        Country nationality,
        Country secondNationality,
        int birthCity,
        String passport,
        String oldPassport,
        String nationalId) {

    String id() {
        return "P" + Dice.pad(number, 7);
    }
}
