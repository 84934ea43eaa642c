package org.concordia.normalize;

import java.util.HashMap;
import java.util.Map;

/**
 * The transliteration tables of ICAO Doc 9303 Part 3 (8th edition, 2021), section 6: multinational
 * Latin-based characters (table A, using the recommended forms such as {@code Ä → AE}, {@code Ø → OE},
 * {@code ß → SS}) and Cyrillic characters (table B). Characters outside these tables are left as they
 * are, for a general transliterator to handle.
 */
public final class IcaoTransliteration {
    private static final Map<Integer, String> TABLE = new HashMap<>();

    static {
        // Table A: Latin characters with diacritics and ligatures (upper case; lower case is folded first).
        put("ÁÀÂÃĂĀĄ", "A");
        put("Ä", "AE");
        put("Å", "AA");
        put("Æ", "AE");
        put("ĆĈČĊÇ", "C");
        put("ĎĐÐ", "D");
        put("ÉÈÊËĚĖĒĘĔ", "E");
        put("ĜĞĠĢ", "G");
        put("ĤĦ", "H");
        put("ÍÌÎÏĨİĪĮĬ", "I");
        put("Ĳ", "IJ");
        put("Ĵ", "J");
        put("Ķ", "K");
        put("ĹĽĻŁĿ", "L");
        put("ŃÑŇŅŊ", "N");
        put("ÓÒÔÕŐŌŎ", "O");
        put("ÖØŒ", "OE");
        put("ŔŘŖ", "R");
        put("ŚŜŠŞȘ", "S");
        put("ŤŢŦȚ", "T");
        put("ÚÙÛŨŬŰŮŪŲ", "U");
        put("Ü", "UE");
        put("Ŵ", "W");
        put("ÝŶŸ", "Y");
        put("ŹŽŻ", "Z");
        put("Þ", "TH");
        put("ẞ", "SS");
        // Table B: Cyrillic.
        put("А", "A");
        put("Б", "B");
        put("В", "V");
        put("ГҐЃ", "G");
        put("ДЂ", "D");
        put("ЕЁЭ", "E");
        put("Є", "IE");
        put("Ж", "ZH");
        put("З", "Z");
        put("ЅЏ", "DZ");
        put("ИІЇЙ", "I");
        put("Ј", "J");
        put("КЌ", "K");
        put("Л", "L");
        put("Љ", "LJ");
        put("М", "M");
        put("Н", "N");
        put("Њ", "NJ");
        put("О", "O");
        put("П", "P");
        put("Р", "R");
        put("С", "S");
        put("Т", "T");
        put("Ћ", "C");
        put("УЎ", "U");
        put("Ф", "F");
        put("Х", "KH");
        put("Ц", "TS");
        put("Ч", "CH");
        put("Ш", "SH");
        put("Щ", "SHCH");
        put("Ъ", "IE");
        put("Ы", "Y");
        put("Ь", "");
        put("Ю", "IU");
        put("Я", "IA");
    }

    private IcaoTransliteration() {}

    private static void put(String chars, String latin) {
        chars.codePoints().forEach(cp -> TABLE.put(cp, latin));
    }

    /** True when {@code codePoint} (upper case) has an entry in the tables. */
    public static boolean covers(int codePoint) {
        return TABLE.containsKey(codePoint);
    }

    /**
     * Upper-cases {@code text} and replaces every character the tables cover; other characters are
     * kept (upper-cased) for a later step. {@code ß} becomes {@code SS} through upper-casing.
     */
    public static String apply(String text) {
        String upper = text.toUpperCase(java.util.Locale.ROOT);
        StringBuilder out = new StringBuilder(upper.length() + 4);
        for (int i = 0; i < upper.length(); ) {
            int cp = upper.codePointAt(i);
            i += Character.charCount(cp);
            String latin = TABLE.get(cp);
            if (latin != null) {
                out.append(latin);
            } else {
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }
}
