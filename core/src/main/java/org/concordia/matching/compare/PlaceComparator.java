package org.concordia.matching.compare;

import java.util.List;
import org.concordia.matching.Agreement;
import org.concordia.matching.BlockingKeys;
import org.concordia.matching.FieldComparison;
import org.concordia.normalize.NameNormalizer;
import org.concordia.normalize.Scripts;

/**
 * Compares two birth places given as free text. Field {@code "birthPlace"}. Each place is
 * normalised like a name ({@link NameNormalizer#tokens}: script detected, ICAO tables then ICU to
 * upper-case ASCII Latin, tokens) and compared on its tokens joined without spaces.
 *
 * <ul>
 *   <li>{@link Agreement#EXACT}: the same tokens (São Paulo ~ Sao Paulo; ZÜRICH ~ Zürich).
 *   <li>{@link Agreement#CLOSE}: known names of one place ({@link NameVariants#places()}: Munich ~
 *       München, Peking ~ 北京, Muscat ~ مسقط; Zürich ~ Zurich, since ICAO Doc 9303 writes Ü as UE); Jaro-Winkler of the joined tokens of at least 0.9
 *       (typos; Winkler 1990); every token of the shorter text in the longer one ("Bristol" ~
 *       "Bristol, City of"); or, between Arabic or Hebrew script and Latin, the same consonant
 *       skeleton ({@link BlockingKeys#skeleton}).
 *   <li>{@link Agreement#DISAGREE}: otherwise.
 *   <li>{@link Agreement#MISSING}: a side has no place (or nothing left after normalising).
 * </ul>
 *
 * {@code crossScript} is true when the two texts are in different scripts. Thread-safe.
 */
public final class PlaceComparator {
    public static final String FIELD = "birthPlace";

    private final NameVariants variants;

    public PlaceComparator() {
        this(NameVariants.places());
    }

    public PlaceComparator(NameVariants variants) {
        this.variants = variants;
    }

    /** A place, prepared once. Immutable. */
    public static final class Place {
        final String text;
        final String script;
        final List<String> tokens;
        final String joined;
        final int[] groups;
        final String skeleton;
        final boolean abjad;

        private Place(String text, String script, List<String> tokens, int[] groups) {
            this.text = text;
            this.script = PreparedName.scriptFamily(script);
            this.tokens = tokens;
            this.joined = String.join("", tokens);
            this.groups = groups;
            this.abjad = PreparedName.isAbjad(script);
            this.skeleton = BlockingKeys.skeleton(joined);
        }
    }

    /** The prepared place, or null when there is none. */
    public Place prepare(String place) {
        if (place == null || place.isBlank()) {
            return null;
        }
        String script = Scripts.detect(place);
        List<String> tokens = NameNormalizer.tokens(place, script);
        if (tokens.isEmpty()) {
            return null;
        }
        return new Place(place.strip(), script, tokens, variants.groups(String.join("", tokens)));
    }

    public FieldComparison compare(String a, String b) {
        return compare(prepare(a), prepare(b));
    }

    public FieldComparison compare(Place a, Place b) {
        if (a == null || b == null) {
            return FieldComparison.missing(FIELD);
        }
        boolean cross = !a.script.equals(b.script);
        String pair = a.text + " ~ " + b.text;
        if (a.joined.equals(b.joined)) {
            return FieldComparison.lazy(FIELD, Agreement.EXACT, 1, () -> pair + ": same place", cross);
        }
        if (NameVariants.share(a.groups, b.groups) || tokenVariant(a, b)) {
            return FieldComparison.lazy(FIELD, Agreement.CLOSE, 0.95, () -> pair + ": known names of one place", cross);
        }
        if (contained(a.tokens, b.tokens) || contained(b.tokens, a.tokens)) {
            return FieldComparison.lazy(FIELD, Agreement.CLOSE, 0.85, () -> pair + ": one contains the other", cross);
        }
        if (a.abjad != b.abjad && a.skeleton.length() >= 3 && a.skeleton.equals(b.skeleton)) {
            return FieldComparison.lazy(FIELD, Agreement.CLOSE, 0.85, () -> pair + ": same consonant skeleton", cross);
        }
        double jw = JaroWinkler.similarity(a.joined, b.joined);
        if (jw >= 0.9) {
            return FieldComparison.lazy(FIELD, Agreement.CLOSE, jw, () -> pair + ": spelling differs", cross);
        }
        return FieldComparison.lazy(
                FIELD, Agreement.DISAGREE, Math.min(jw, 0.5) * 0.5, () -> pair + ": different places", cross);
    }

    /** A token of one is a known name of the other ("Munich, Bavaria" ~ "München"). */
    private boolean tokenVariant(Place a, Place b) {
        if (a.tokens.size() == 1 && b.tokens.size() == 1) {
            return false;
        }
        for (String x : a.tokens) {
            int[] gx = variants.groups(x);
            if (gx.length == 0) {
                continue;
            }
            if (NameVariants.share(gx, b.groups)) {
                return true;
            }
            for (String y : b.tokens) {
                if (NameVariants.share(gx, variants.groups(y))) {
                    return true;
                }
            }
        }
        for (String y : b.tokens) {
            if (NameVariants.share(variants.groups(y), a.groups)) {
                return true;
            }
        }
        return false;
    }

    /** Every token of {@code small} (of three letters or more) is among those of {@code big}. */
    private static boolean contained(List<String> small, List<String> big) {
        if (small.size() >= big.size()) {
            return false;
        }
        int counted = 0;
        for (String t : small) {
            if (t.length() < 3) {
                continue;
            }
            if (!big.contains(t)) {
                return false;
            }
            counted++;
        }
        return counted > 0;
    }
}
