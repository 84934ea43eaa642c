package org.concordia.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.concordia.model.NormalizedName;
import org.concordia.model.PersonName;

/**
 * Builds a {@link PersonName} from what a source gives: script detected when not given (ISO 15924),
 * Latin transliteration (ICAO Doc 9303 Part 3 tables, then ICU), tokens, particles recognised, and an
 * order-insensitive key. The original spelling is always kept.
 *
 * <p>Tokenising rules: hyphens, dots, commas and spaces separate tokens; apostrophes and letter
 * modifiers (for example the ʿ of transliterated Arabic) are dropped inside a token ({@code O'Brien
 * → OBRIEN}); the Arabic article written joined ({@code الشمري}) is split off as its own token.
 * Names in Han or Hangul script written as one word of two to four syllables are read family name
 * first, the remaining syllables joined into one given name, as they are romanised on passports
 * ({@code 毛泽东 → MAO ZEDONG}, {@code 김정은 → GIM JEONGEUN}). Particles are recognised only in
 * scripts whose names have them (not in Han, Hangul, kana or Thai names).
 *
 * <p>Thread-safe.
 */
public final class NameNormalizer {
    /** Name particles in their Latin forms (Arabic, Hebrew, Dutch, German, Romance, Celtic). */
    public static final Set<String> PARTICLES = Set.of(
            "AL", "EL", "UL", "BIN", "BEN", "IBN", "BINT", "BNT", "ABU", "UMM", "BAT", "VAN", "VON", "DER", "DEN",
            "TER", "TEN", "ZU", "DE", "DA", "DO", "DOS", "DAS", "DI", "DU", "DEL", "DELLA", "DELLE", "DEI", "LA", "LE",
            "LOS", "LAS", "Y", "E", "MAC", "MC", "NIC", "NI", "O");

    /**
     * Scripts whose names have no such particles: there DU, NI or LI are family names (杜, 倪, 李), so
     * they stay in the key.
     */
    private static final Set<String> NO_PARTICLES =
            Set.of("Hani", "Hans", "Hant", "Hang", "Kore", "Jpan", "Hira", "Kana", "Thai", "Khmr", "Laoo", "Mymr");

    private NameNormalizer() {}

    /**
     * Normalises a name. At least one of {@code full}, {@code given}, {@code family} must be non-blank.
     *
     * @param scriptHint an ISO 15924 code from the source, or null to detect it
     */
    public static PersonName normalize(String full, String given, String family, String scriptHint) {
        String g = blankToNull(given);
        String f = blankToNull(family);
        String written = blankToNull(full);
        if (written == null) {
            written = g == null ? f : (f == null ? g : g + " " + f);
        }
        if (written == null) {
            throw new IllegalArgumentException("a name needs full, given or family");
        }
        String script = Scripts.canonical(scriptHint);
        if (script == null) {
            script = Scripts.detect(written);
        }
        List<String> tokens = tokens(written, script);
        return new PersonName(written, g, f, script, normalized(script, tokens));
    }

    /** Tokens and keys of a name already split into Latin tokens. */
    static NormalizedName normalized(String script, List<String> tokens) {
        List<String> core = new ArrayList<>(tokens.size());
        boolean particlesApply = !NO_PARTICLES.contains(script);
        for (String t : tokens) {
            if (!particlesApply || !PARTICLES.contains(t)) {
                core.add(t);
            }
        }
        if (core.isEmpty()) {
            core.addAll(tokens);
        }
        List<String> sorted = new ArrayList<>(core);
        sorted.sort(null);
        return new NormalizedName(script, tokens, core, String.join(" ", sorted));
    }

    /** The upper-case ASCII tokens of {@code text}, in the order written. */
    public static List<String> tokens(String text, String script) {
        List<String> out = new ArrayList<>(6);
        if (isSyllabicName(text, script)) {
            // One syllable per character: ICU joins Hangul syllables (김정은 → GIMJEONG-EUN), so each
            // character is transliterated on its own, then read family name first.
            String stripped = text.strip();
            StringBuilder givenName = new StringBuilder();
            String family = null;
            for (int i = 0; i < stripped.length(); ) {
                int cp = stripped.codePointAt(i);
                String syllable = Latinizer.latinize(new String(Character.toChars(cp)));
                i += Character.charCount(cp);
                List<String> parts = new ArrayList<>(1);
                splitLatin(syllable, parts);
                String joined = String.join("", parts);
                if (family == null) {
                    family = joined;
                } else {
                    givenName.append(joined);
                }
            }
            out.add(family);
            if (givenName.length() > 0) {
                out.add(givenName.toString());
            }
            return out;
        }
        for (String word : words(text, script)) {
            splitLatin(Latinizer.latinize(word), out);
        }
        return out;
    }

    private static boolean isSyllabicName(String text, String script) {
        if (!("Hani".equals(script) || "Hang".equals(script) || "Hans".equals(script) || "Hant".equals(script))) {
            return false;
        }
        String stripped = text.strip();
        int n = stripped.codePointCount(0, stripped.length());
        return n >= 2 && n <= 4 && stripped.codePoints().allMatch(Character::isLetter);
    }

    /** Splits the source text into words; in Arabic script the joined article ال becomes its own word. */
    private static List<String> words(String text, String script) {
        List<String> words = new ArrayList<>(6);
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean sep = i == text.length() || isSeparator(text.charAt(i));
            if (sep) {
                if (start >= 0) {
                    addWord(text.substring(start, i), script, words);
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
        }
        return words;
    }

    private static void addWord(String w, String script, List<String> words) {
        if ("Arab".equals(script) && w.length() > 4 && w.startsWith("ال") && !w.startsWith("الله")) {
            words.add("ال");
            words.add(w.substring(2));
        } else {
            words.add(w);
        }
    }

    private static boolean isSeparator(char c) {
        return Character.isWhitespace(c)
                || c == ','
                || c == '-'
                || c == '.'
                || c == '/'
                || c == '‐'
                || c == '_'
                || c == '·'
                || c == '・'
                || c == '('
                || c == ')'
                || c == '"'
                || c == '،';
    }

    /** Splits a latinised word on what is left that is not a letter; apostrophes join. */
    private static void splitLatin(String latin, List<String> out) {
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < latin.length(); i++) {
            char c = latin.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                cur.append(c);
            } else if (c >= 'a' && c <= 'z') {
                cur.append((char) (c - 32));
            } else if (c == '\'' || c == '`' || c == '’' || c == 'ʿ' || c == 'ʾ' || c == '~') {
                // apostrophes and modifier letters: part of the word, dropped
            } else if (c >= '0' && c <= '9') {
                cur.append(c);
            } else if (cur.length() > 0) {
                out.add(cur.toString());
                cur.setLength(0);
            }
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
