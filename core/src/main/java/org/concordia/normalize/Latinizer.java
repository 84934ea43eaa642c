package org.concordia.normalize;

import com.ibm.icu.text.Transliterator;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a word of any script into upper-case ASCII Latin: first the ICAO Doc 9303 Part 3 tables
 * (Latin diacritics, Cyrillic), then ICU's {@code Any-Latin; Latin-ASCII} for everything else (Arabic,
 * Han, Thai, Greek, Hebrew, Hangul, kana...). Results are cached per word, since names repeat.
 *
 * <p>Thread-safe.
 */
public final class Latinizer {
    private static final int CACHE_LIMIT = 500_000;
    private static final ThreadLocal<Transliterator> ICU =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));
    private static final ConcurrentHashMap<String, String> CACHE = new ConcurrentHashMap<>();

    private Latinizer() {}

    /** The word in upper-case ASCII; characters that have no Latin form (punctuation aside) are dropped later by tokenising. */
    public static String latinize(String word) {
        if (isAsciiUpper(word)) {
            return word;
        }
        String cached = CACHE.get(word);
        if (cached != null) {
            return cached;
        }
        String icao = IcaoTransliteration.apply(word);
        String latin = isAscii(icao) ? icao : ICU.get().transliterate(icao).toUpperCase(Locale.ROOT);
        if (CACHE.size() >= CACHE_LIMIT) {
            CACHE.clear();
        }
        CACHE.put(word, latin);
        return latin;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiUpper(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 127 || (c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }
}
