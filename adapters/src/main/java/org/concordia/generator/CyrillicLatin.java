package org.concordia.generator;

import java.util.Locale;

/**
 * Transliteration of Russian and Ukrainian Cyrillic into the Latin systems found in police records.
 * Each system is applied word by word to lower-case text, then the word is capitalised.
 *
 * <ul>
 *   <li>{@link #ICAO}: ICAO Doc 9303 Part 3 (2015 on), used in machine-readable passports: Юлия →
 *       Iuliia, Дмитрий → Dmitrii.
 *   <li>{@link #BGN}: BGN/PCGN 1947 for Russian: Yuliya, Dmitriy, Yelena.
 *   <li>{@link #POPULAR}: the simplified English usage of the press: Yulia, Dmitry, Alexey, Maxim.
 *   <li>{@link #GERMAN}: German Duden transcription: Julija, Schukow, Wassiljew.
 *   <li>{@link #FRENCH}: French usage: Ioulia, Sergueï, Joukov.
 *   <li>{@link #UKRAINIAN}: Ukraine's national system of 2010 (KMU resolution 55), also in its
 *       passports: Oleksandr, Andrii, Yuliia.
 *   <li>{@link #UKRAINIAN_OLD}: the older Y-forms still common for Ukrainian names: Andriy, Yuliya.
 * </ul>
 */
enum CyrillicLatin {
    ICAO,
    BGN,
    POPULAR,
    GERMAN,
    FRENCH,
    UKRAINIAN,
    UKRAINIAN_OLD;

    private static final String VOWELS = "аеёиоуыэюяіїє";

    /** The Latin form of a Cyrillic name of one or more words; other characters are kept. */
    String transliterate(String cyrillic) {
        StringBuilder out = new StringBuilder(cyrillic.length() + 8);
        String lower = cyrillic.toLowerCase(Locale.ROOT);
        int wordStart = 0;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c == ' ' || c == '-') {
                out.append(c);
                wordStart = out.length();
                continue;
            }
            String latin = letter(lower, i);
            if (out.length() == wordStart && !latin.isEmpty()) {
                out.append(Character.toUpperCase(latin.charAt(0))).append(latin, 1, latin.length());
            } else {
                out.append(latin);
            }
        }
        return out.toString();
    }

    private String letter(String word, int i) {
        char c = word.charAt(i);
        char prev = at(word, i - 1);
        char next = at(word, i + 1);
        boolean initial = prev == ' ' || prev == '-';
        boolean afterVowel = initial || VOWELS.indexOf(prev) >= 0 || prev == 'ь' || prev == 'ъ';
        // -ий at the end of a word: Dmitry, Dmitri rather than Dmitriy
        boolean shortEnding =
                (c == 'й' && prev == 'и' && isEnd(next)) || (c == 'и' && next == 'й' && isEnd(at(word, i + 2)));
        boolean betweenVowels = !initial && VOWELS.indexOf(prev) >= 0 && VOWELS.indexOf(next) >= 0;
        return switch (c) {
            case 'а' -> "a";
            case 'б' -> "b";
            case 'в' -> this == GERMAN ? "w" : "v";
            case 'г' ->
                switch (this) {
                    case UKRAINIAN, UKRAINIAN_OLD -> "h";
                    case FRENCH -> "еиыя".indexOf(next) >= 0 ? "gu" : "g";
                    default -> "g";
                };
            case 'ґ' -> "g";
            case 'д' -> "d";
            case 'е' ->
                switch (this) {
                    case BGN -> afterVowel ? "ye" : "e";
                    case GERMAN -> afterVowel ? "je" : "e";
                    case POPULAR -> prev == 'ь' ? "ie" : "e";
                    default -> "e";
                };
            case 'ё' ->
                switch (this) {
                    case ICAO -> "e";
                    case GERMAN -> "jo";
                    case FRENCH -> "io";
                    default -> "yo";
                };
            case 'є' -> this == UKRAINIAN_OLD || initial ? "ye" : "ie";
            case 'ж' ->
                switch (this) {
                    case GERMAN -> "sch";
                    case FRENCH -> "j";
                    default -> "zh";
                };
            case 'з' -> this == GERMAN ? "s" : "z";
            case 'и' ->
                switch (this) {
                    case UKRAINIAN, UKRAINIAN_OLD -> "y";
                    case POPULAR -> shortEnding ? "" : "i";
                    default -> "i";
                };
            case 'і' -> "i";
            case 'ї' -> this == UKRAINIAN_OLD || initial ? "yi" : "i";
            case 'й' ->
                switch (this) {
                    case ICAO -> "i";
                    case BGN, UKRAINIAN_OLD -> "y";
                    case UKRAINIAN -> initial ? "y" : "i";
                    case POPULAR -> "y";
                    case GERMAN -> shortEnding ? "" : "j";
                    case FRENCH -> shortEnding ? "" : "ï";
                };
            case 'к' -> this == POPULAR && next == 'с' ? "" : "k";
            case 'л' -> "l";
            case 'м' -> "m";
            case 'н' -> "n";
            case 'о' -> "o";
            case 'п' -> "p";
            case 'р' -> "r";
            case 'с' -> {
                if (this == POPULAR && prev == 'к') {
                    yield "x";
                }
                yield (this == GERMAN || this == FRENCH) && betweenVowels ? "ss" : "s";
            }
            case 'т' -> "t";
            case 'у' -> this == FRENCH ? "ou" : "u";
            case 'ф' -> "f";
            case 'х' -> this == GERMAN ? "ch" : "kh";
            case 'ц' -> this == GERMAN ? "z" : "ts";
            case 'ч' ->
                switch (this) {
                    case GERMAN -> "tsch";
                    case FRENCH -> "tch";
                    default -> "ch";
                };
            case 'ш' ->
                switch (this) {
                    case GERMAN -> "sch";
                    case FRENCH -> "ch";
                    default -> "sh";
                };
            case 'щ' ->
                switch (this) {
                    case GERMAN -> "schtsch";
                    case FRENCH -> "chtch";
                    default -> "shch";
                };
            case 'ъ' -> this == ICAO ? "ie" : "";
            case 'ы' -> "y";
            case 'ь', '\'', '’' -> "";
            case 'э' -> "e";
            case 'ю' ->
                switch (this) {
                    case ICAO -> "iu";
                    case UKRAINIAN -> initial ? "yu" : "iu";
                    case GERMAN -> "ju";
                    case FRENCH -> "iou";
                    default -> "yu";
                };
            case 'я' ->
                switch (this) {
                    case ICAO -> "ia";
                    case UKRAINIAN -> initial ? "ya" : "ia";
                    case GERMAN -> "ja";
                    // French and the press write Maria, Natalia rather than Mariya, Natalya
                    case FRENCH -> prev == 'и' ? "a" : "ia";
                    case POPULAR -> prev == 'и' ? "a" : prev == 'ь' ? "ia" : "ya";
                    default -> "ya";
                };
            default -> String.valueOf(c);
        };
    }

    private static char at(String s, int i) {
        return i < 0 || i >= s.length() ? ' ' : s.charAt(i);
    }

    private static boolean isEnd(char c) {
        return c == ' ' || c == '-';
    }
}
