package org.concordia.generator;

import java.util.Locale;
import java.util.SplittableRandom;
import org.concordia.generator.NameStyle.Spelling;

/**
 * Lays spelled name parts out the ways partner systems store them: one full string given name
 * first, family name first, "FAMILY, Given", or separate given and family fields; in capitals or
 * with the family name in capitals; with or without an ISO 15924 script code (the importer detects
 * it when absent).
 */
final class NameLayout {
    private static final int GIVEN_FIRST = 0;
    private static final int FAMILY_FIRST = 1;
    private static final int COMMA = 2;
    private static final int FIELDS = 3;
    private static final int[] WESTERN = {35, 10, 20, 35};
    private static final int[] EASTERN = {15, 40, 15, 30};

    private NameLayout() {}

    static Draft.Name layout(Spelling s, SplittableRandom rng) {
        String script = Dice.chance(rng, 0.35) ? null : s.script();
        String given = s.middle() == null ? s.given() : s.given() + " " + s.middle();
        String family = s.family();
        if (s.unspaced()) {
            if (Dice.chance(rng, 0.7)) {
                // 张伟; now and then with a space, as some systems insist on one
                return new Draft.Name(family + (Dice.chance(rng, 0.08) ? " " : "") + given, null, null, script);
            }
            return new Draft.Name(Dice.chance(rng, 0.2) ? family + given : null, given, family, script);
        }
        boolean cased = "Latn".equals(s.script()) || "Cyrl".equals(s.script());
        int layout = Dice.weighted(s.familyFirst() ? EASTERN : WESTERN, rng);
        if (!cased && (layout == COMMA || (layout == FAMILY_FIRST && !s.familyFirst()))) {
            layout = GIVEN_FIRST; // Arabic and Thai records write the given name first, with no comma form
        }
        if (cased) {
            if (Dice.chance(rng, 0.18)) {
                given = given.toUpperCase(Locale.ROOT);
                family = family.toUpperCase(Locale.ROOT);
            } else if ((layout == FAMILY_FIRST || layout == COMMA) && Dice.chance(rng, 0.5)) {
                family = family.toUpperCase(Locale.ROOT);
            } else if (layout == GIVEN_FIRST
                    && s.familyFirst()
                    && "Latn".equals(s.script())
                    && Dice.chance(rng, 0.25)) {
                // "WEI Zhang": a family-first name turned round, the capitals left on the wrong part
                given = given.toUpperCase(Locale.ROOT);
            }
        }
        return switch (layout) {
            case GIVEN_FIRST -> new Draft.Name(given + " " + family, null, null, script);
            case FAMILY_FIRST -> new Draft.Name(family + " " + given, null, null, script);
            case COMMA -> new Draft.Name(family + ", " + given, null, null, script);
            default -> new Draft.Name(Dice.chance(rng, 0.2) ? given + " " + family : null, given, family, script);
        };
    }
}
