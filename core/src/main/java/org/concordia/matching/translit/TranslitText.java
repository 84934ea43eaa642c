package org.concordia.matching.translit;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The normal forms the model works on. Latin: lower-case ASCII letters only (ICU {@code Any-Latin; Latin-ASCII},
 * everything that is not a letter dropped). Native script: NFKC, letters only, with per-script folding that loses
 * nothing a reader would hear: Chinese to its pinyin syllables, Hiragana to Katakana, Hangul syllables
 * decomposed into jamo (so that the model learns 16 consonants and 21 vowels rather than 11,172 syllables), Arabic
 * and Hebrew vowel points and tatweel dropped, Persian letter shapes folded to Arabic, Cyrillic lower-cased.
 *
 * <p>Thread-safe.
 */
final class TranslitText {
    private static final ThreadLocal<Transliterator> TO_LATIN =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));
    private static final ThreadLocal<Transliterator> TO_SIMPLIFIED =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Traditional-Simplified"));
    private static final ThreadLocal<Transliterator> TO_PINYIN =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Han-Latin; Latin-ASCII"));
    private static final ConcurrentHashMap<Integer, String> PINYIN = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<Integer, Integer> SIMPLIFIED = new ConcurrentHashMap<>();
    private static final ThreadLocal<Transliterator> TO_KATAKANA =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Hiragana-Katakana"));
    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
    private static final Normalizer2 NFD = Normalizer2.getNFDInstance();

    private TranslitText() {}

    /** Lower-case ASCII letters of a Latin (or any-script) token: {@code "Müller-Perth"} gives {@code "mullerperth"}. */
    static String latin(String token) {
        String s = token;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127) {
                s = TO_LATIN.get().transliterate(s);
                break;
            }
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                sb.append((char) (c + ('a' - 'A')));
            } else if (c >= 'a' && c <= 'z') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static final List<String> INITIALS = List.of(
            "zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z", "c", "s",
            "y", "w");
    private static final List<String> FINALS = List.of(
            "a", "o", "e", "i", "u", "v", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "ong", "er", "ia", "ie",
            "iao", "iu", "ian", "in", "iang", "ing", "iong", "ua", "uo", "uai", "ui", "uan", "un", "uang", "ueng", "ue",
            "ng", "m", "n", "io");
    /** Private-use code points standing for pinyin initials and finals. */
    static final int INITIAL_BASE = 0xE000;

    static final int FINAL_BASE = 0xE100;

    /**
     * Chinese is folded to its Mandarin reading, each syllable split into its initial and final (施瓦辛格, shi wa xin
     * ge, gives sh-i w-a x-in g-e), each written as one private-use code point: Chinese renders foreign names by sound
     * and picks characters by initial and final (as the Xinhua transcription tables do), so the correspondences
     * learned for one character carry over to every character read alike.
     */
    private static String pinyinSyllables(String s) {
        StringBuilder sb = new StringBuilder(s.length() * 2);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                sb.append(pinyinUnits(cp));
            }
        }
        return sb.toString();
    }

    private static String pinyinUnits(int cp) {
        return PINYIN.computeIfAbsent(cp, c -> units(latin(TO_PINYIN.get().transliterate(Character.toString(c)))));
    }

    /**
     * For each code point of {@code nativeForm(token, script)}, the character it comes from: for Chinese the
     * (simplified) Han character each pinyin initial and final reads, so that the model can learn what a particular
     * character stands for beyond its reading; for other scripts the folded character itself.
     */
    static int[] sources(String token, Script script) {
        if (script != Script.HANI) {
            return nativeForm(token, script).codePoints().toArray();
        }
        String s = NFKC.normalize(token);
        int[] out = new int[s.length() * 4];
        int n = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            int simple = SIMPLIFIED.computeIfAbsent(
                    cp,
                    c -> TO_SIMPLIFIED
                            .get()
                            .transliterate(Character.toString(c))
                            .codePointAt(0));
            int units = (int) pinyinUnits(cp).codePoints().count();
            if (n + units > out.length) {
                out = java.util.Arrays.copyOf(out, (n + units) * 2);
            }
            for (int u = 0; u < units; u++) {
                out[n++] = simple;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** The initial and final code points of one toneless pinyin syllable; unknown spellings letter by letter. */
    static String units(String py) {
        if (py.isEmpty()) {
            return "";
        }
        int cut = 0;
        if (py.length() > 2 && py.charAt(1) == 'h' && "zcs".indexOf(py.charAt(0)) >= 0) {
            cut = 2;
        } else if (py.length() > 1 && INITIALS.contains(py.substring(0, 1))) {
            cut = 1;
        }
        StringBuilder sb = new StringBuilder();
        if (cut > 0) {
            sb.appendCodePoint(INITIAL_BASE + INITIALS.indexOf(py.substring(0, cut)));
        }
        String fin = py.substring(cut);
        int f = FINALS.indexOf(fin);
        if (f >= 0) {
            sb.appendCodePoint(FINAL_BASE + f);
        } else {
            sb.append(fin);
        }
        return sb.toString();
    }

    /** The folded native-script letters of a token (spaces, punctuation, digits and marks dropped). */
    static String nativeForm(String token, Script script) {
        String s = NFKC.normalize(token);
        switch (script) {
            case HANI -> {
                return pinyinSyllables(s);
            }
            case KANA -> s = TO_KATAKANA.get().transliterate(s);
            case HANG -> s = NFD.normalize(s);
            case CYRL -> s = UCharacter.toLowerCase(s);
            default -> {}
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (!(Character.isLetter(cp) || script == Script.HANI && cp >= INITIAL_BASE && cp < 0xF000)
                    || cp == 0x0640) {
                continue; // marks, punctuation, digits, Arabic tatweel
            }
            if (script == Script.ARAB) {
                cp = switch (cp) {
                    case 0x06CC, 0x06D0 -> 0x064A; // Persian yeh -> yeh
                    case 0x06A9 -> 0x0643; // keheh -> kaf
                    case 0x06C1, 0x06D5 -> 0x0647; // heh goal, ae -> heh
                    default -> cp;
                };
            }
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }
}
