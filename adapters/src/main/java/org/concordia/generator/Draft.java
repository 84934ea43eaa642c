package org.concordia.generator;

import java.util.List;

/**
 * One record as it will be written, all but its id: ids are given in file order when the record
 * leaves the shuffle buffer, so that they tell nothing about which records belong together.
 *
 * @param birthDate {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}, or null
 */
record Draft(
        Owner owner,
        String personId,
        String tlp,
        String handlingCode,
        boolean hitOnly,
        List<Name> names,
        String sex,
        String birthDate,
        String birthPlace,
        List<String> nationalities,
        List<Document> documents) {

    /** A name: {@code full}, or {@code given} and {@code family}, or all three; script may be null. */
    record Name(String full, String given, String family, String script) {}

    /** @param country may be null */
    record Document(String type, String number, String country) {}
}
