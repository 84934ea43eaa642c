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
 * ABDALRAHMAN), which tokens belong to the family name, and its writing system. For a name in a
 * script the learned cross-script model covers, each token or join that one whole word gave keeps
 * that word as written ({@link NativeWords}): BNYMYN keeps בנימין, PU+JING keeps 普京. Immutable.
 */
final class PreparedName {
    /** At most this many core tokens take part in a comparison (coverage is an int bit set). */
    static final int MAX_TOKENS = 12;
    /** Bit of the first particle in a coverage bit set; core tokens use the bits below. */
    static final int PARTICLE_BIT = 16;

    static final int CORE_MASK = (1 << PARTICLE_BIT) - 1;

    private static final NameToken[] NONE = new NameToken[0];

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
     * The joins, then the particles as tokens, each particle covering its own bit from {@link
     * #PARTICLE_BIT} up: they align only with an equal token of the other name (BIN in 黄斌 read HUANG
     * BIN, a particle in Latin). What round 2 of the alignment tries; the joins array itself when the
     * name has no particle.
     */
    final NameToken[] extras;

    final int countable;

    private final boolean hasNativeForms;

    /**
     * @param learned the learned cross-script model, or null: with it, the tokens of a name in a script
     *     it covers keep the native-script words they came from ({@link NativeWords})
     */
    PreparedName(PersonName name, TokenForms forms, LearnedTransliteration learned) {
        this.source = name;
        this.script = scriptFamily(name.script());
        this.sortedKey = name.normalized().sortedKey();
        boolean abjad = isAbjad(script);
        boolean latin = "Latn".equals(script);
        List<String> tokens = name.normalized().tokens();
        List<String> coreTokens = name.normalized().coreTokens();
        Set<String> family = familyTokens(name);
        NativeSource natives = learned == null || latin ? null : NativeSource.of(name, learned);
        int n = Math.min(coreTokens.size(), MAX_TOKENS);
        int[] bitOf = new int[tokens.size()];
        int[] tokenOfCore = new int[n];
        List<String> parts = new ArrayList<>(2);
        int j = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (j < coreTokens.size() && tokens.get(i).equals(coreTokens.get(j))) {
                bitOf[i] = j < n ? 1 << j : 0;
                if (j < n) {
                    tokenOfCore[j] = i;
                }
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
            int at = tokenOfCore[i];
            TokenForms.Form form = forms.of(t, abjad);
            core[i] = new NameToken(
                    form,
                    form.text,
                    1 << i,
                    family.contains(t),
                    abjad,
                    latin,
                    natives == null ? null : natives.form(at, at + 1));
            if (core[i].countable) {
                count++;
            }
        }
        this.countable = count;
        NameToken[] particleTokens = new NameToken[Math.min(parts.size(), 32 - PARTICLE_BIT)];
        for (int k = 0; k < particleTokens.length; k++) {
            TokenForms.Form form = forms.of(parts.get(k), abjad);
            particleTokens[k] = new NameToken(form, form.text, 1 << (PARTICLE_BIT + k), false, abjad, latin, null);
        }
        List<NameToken> js = new ArrayList<>();
        for (int width = 2; width <= 3; width++) {
            for (int start = 0; start + width <= tokens.size(); start++) {
                NameToken join = join(tokens, start, start + width, bitOf, forms, abjad, latin, natives);
                if (join != null) {
                    js.add(join);
                }
            }
        }
        if (natives != null) {
            // a word that gave more tokens than a join spans (弗拉基米尔: FU LA JI MI ER) is a join of its own
            for (int w = 0; w < natives.words.words.length; w++) {
                int from = natives.words.start[w];
                int to = natives.words.end[w];
                if (to - from > 3) {
                    NameToken join = join(tokens, from, to, bitOf, forms, abjad, latin, natives);
                    if (join != null) {
                        js.add(join);
                    }
                }
            }
        }
        this.joins = js.isEmpty() ? NONE : js.toArray(NONE);
        boolean anyNative = false;
        for (NameToken t : core) {
            anyNative |= t.nativeForm != null;
        }
        for (NameToken t : joins) {
            anyNative |= t.nativeForm != null;
        }
        this.hasNativeForms = anyNative;
        if (particleTokens.length == 0) {
            this.extras = joins;
        } else {
            this.extras = new NameToken[joins.length + particleTokens.length];
            System.arraycopy(joins, 0, extras, 0, joins.length);
            System.arraycopy(particleTokens, 0, extras, joins.length, particleTokens.length);
        }
    }

    /** The join of tokens {@code from} to {@code to} (exclusive), or null when it covers no core token. */
    private NameToken join(
            List<String> tokens,
            int from,
            int to,
            int[] bitOf,
            TokenForms forms,
            boolean abjad,
            boolean latin,
            NativeSource natives) {
        StringBuilder sb = new StringBuilder();
        StringBuilder shown = new StringBuilder();
        int covers = 0;
        boolean fam = false;
        for (int k = from; k < to; k++) {
            sb.append(tokens.get(k));
            shown.append(k > from ? "+" : "").append(tokens.get(k));
            covers |= bitOf[k];
            int c = Integer.numberOfTrailingZeros(bitOf[k]);
            if (bitOf[k] != 0 && c < core.length) {
                fam |= core[c].family;
            }
        }
        if ((covers & CORE_MASK) == 0) {
            return null;
        }
        return new NameToken(
                forms.of(sb.toString(), abjad),
                forms.shown(shown.toString()),
                covers,
                fam,
                abjad,
                latin,
                natives == null ? null : natives.form(from, to));
    }

    /** The native-script words of a name, as the learned model takes them. */
    private static final class NativeSource {
        final NativeWords words;
        final LearnedTransliteration learned;
        /** Whether the model covers each word's script. */
        final boolean[] covered;

        private NativeSource(NativeWords words, LearnedTransliteration learned) {
            this.words = words;
            this.learned = learned;
            this.covered = new boolean[words.words.length];
            for (int w = 0; w < covered.length; w++) {
                covered[w] = learned.covers(words.scripts[w]);
            }
        }

        static NativeSource of(PersonName name, LearnedTransliteration learned) {
            NativeWords words = NativeWords.of(name);
            return words == null ? null : new NativeSource(words, learned);
        }

        /**
         * The word that gave exactly tokens {@code from} to {@code to} (exclusive), in a script the model
         * covers; otherwise null. Joins of several written words get none: the model knows name parts,
         * and the cheap tests already join words (ABD+ALLAH).
         */
        LearnedTransliteration.Native form(int from, int to) {
            int w = words.spanning(from, to);
            return w >= 0 && covered[w] ? learned.nativeForm(words.words[w], words.scripts[w]) : null;
        }
    }

    /** True when a token or join keeps a native-script form for the learned model. */
    boolean hasNativeForms() {
        return hasNativeForms;
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
