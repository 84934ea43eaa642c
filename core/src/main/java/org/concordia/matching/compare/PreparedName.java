package org.concordia.matching.compare;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.concordia.model.PersonName;
import org.concordia.normalize.NameNormalizer;

/**
 * One name made ready for {@link NameAlignment}: its core tokens, the joins of two or three adjacent
 * tokens (particles included, so that AL SHAMMARI gives ALSHAMMARI and ABD AL RAHMAN gives
 * ABDALRAHMAN), which tokens belong to the family name, and its writing system. Immutable.
 */
final class PreparedName {
    /** At most this many core tokens take part in a comparison (coverage is an int bit set). */
    static final int MAX_TOKENS = 12;
    /** Bit of the first particle in a coverage bit set; core tokens use the bits below. */
    static final int PARTICLE_BIT = 16;

    static final int CORE_MASK = (1 << PARTICLE_BIT) - 1;

    final PersonName source;
    /** The writing system, with Han variants as {@code Hani}, Hangul as {@code Hang}, no script as {@code Latn}. */
    final String script;

    final String sortedKey;
    final NameToken[] core;
    /** Joins of adjacent tokens; each covers at least one core token. */
    final NameToken[] joins;
    /** The particles of the name (tokens that are not core), for the explanation. */
    final List<String> particles;
    /**
     * The particles as tokens, each covering its own bit from {@link #PARTICLE_BIT} up: they align
     * only with an equal token of the other name (BIN in 黄斌 read HUANG BIN, a particle in Latin).
     */
    final NameToken[] particleTokens;
    /** The joins, then the particles: what round 2 of the alignment tries. */
    final NameToken[] extras;

    final int countable;

    PreparedName(PersonName name, NameVariants variants) {
        this.source = name;
        this.script = scriptFamily(name.script());
        this.sortedKey = name.normalized().sortedKey();
        boolean abjad = isAbjad(script);
        List<String> tokens = name.normalized().tokens();
        List<String> coreTokens = name.normalized().coreTokens();
        Set<String> family = familyTokens(name);
        int n = Math.min(coreTokens.size(), MAX_TOKENS);
        int[] bitOf = new int[tokens.size()];
        List<String> parts = new ArrayList<>(2);
        int j = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (j < coreTokens.size() && tokens.get(i).equals(coreTokens.get(j))) {
                bitOf[i] = j < n ? 1 << j : 0;
                j++;
            } else {
                bitOf[i] = parts.size() < 32 - PARTICLE_BIT ? 1 << (PARTICLE_BIT + parts.size()) : 0;
                parts.add(tokens.get(i));
            }
        }
        this.particles = List.copyOf(parts);
        this.core = new NameToken[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            String t = coreTokens.get(i);
            core[i] = new NameToken(t, t, variants, 1 << i, family.contains(t), abjad);
            if (core[i].countable) {
                count++;
            }
        }
        this.countable = count;
        this.particleTokens = new NameToken[Math.min(parts.size(), 32 - PARTICLE_BIT)];
        for (int k = 0; k < particleTokens.length; k++) {
            particleTokens[k] =
                    new NameToken(parts.get(k), parts.get(k), variants, 1 << (PARTICLE_BIT + k), false, abjad);
        }
        List<NameToken> js = new ArrayList<>();
        for (int width = 2; width <= 3; width++) {
            for (int start = 0; start + width <= tokens.size(); start++) {
                StringBuilder sb = new StringBuilder();
                StringBuilder shown = new StringBuilder();
                int covers = 0;
                boolean fam = false;
                for (int k = start; k < start + width; k++) {
                    sb.append(tokens.get(k));
                    shown.append(k > start ? "+" : "").append(tokens.get(k));
                    covers |= bitOf[k];
                    int core = Integer.numberOfTrailingZeros(bitOf[k]);
                    if (bitOf[k] != 0 && core < n) {
                        fam |= this.core[core].family;
                    }
                }
                if ((covers & CORE_MASK) != 0) {
                    js.add(new NameToken(sb.toString(), shown.toString(), variants, covers, fam, abjad));
                }
            }
        }
        this.joins = js.toArray(new NameToken[0]);
        this.extras = new NameToken[joins.length + particleTokens.length];
        System.arraycopy(joins, 0, extras, 0, joins.length);
        System.arraycopy(particleTokens, 0, extras, joins.length, particleTokens.length);
    }

    /**
     * The tokens of the family name: the source's family field, or else the part before the comma of
     * "FAMILY, Given" (one or two words before the comma, at most three after it).
     */
    private static Set<String> familyTokens(PersonName name) {
        String fam = name.family();
        if (fam == null) {
            String full = name.full();
            int comma = full.indexOf(',');
            if (comma > 0 && comma == full.lastIndexOf(',')) {
                String before = full.substring(0, comma).strip();
                String after = full.substring(comma + 1).strip();
                if (words(before) <= 2 && words(after) <= 3 && !after.isEmpty()) {
                    fam = before;
                }
            }
        }
        if (fam == null || fam.isBlank()) {
            return Set.of();
        }
        return new HashSet<>(NameNormalizer.tokens(fam, name.script()));
    }

    private static int words(String s) {
        return s.isBlank() ? 0 : s.strip().split("\\s+").length;
    }

    /**
     * Scripts whose transliteration leaves out vowels: the abjads (Arabic, Hebrew, Syriac, Thaana),
     * and Thai, whose inherent vowels ICU does not write (สุรชัย gives SUR CHAY for Surachai).
     */
    static boolean isAbjad(String script) {
        return switch (script) {
            case "Arab", "Hebr", "Syrc", "Thaa", "Thai" -> true;
            default -> false;
        };
    }

    /** Scripts that are one writing system for comparison purposes. */
    static String scriptFamily(String script) {
        return switch (script) {
            case "Zyyy", "Latn", "Zzzz" -> "Latn";
            case "Hans", "Hant", "Hani" -> "Hani";
            case "Kore", "Hang" -> "Hang";
            default -> script;
        };
    }

    @Override
    public String toString() {
        return source.full();
    }
}
