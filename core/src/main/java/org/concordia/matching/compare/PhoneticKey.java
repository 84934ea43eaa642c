package org.concordia.matching.compare;

/**
 * A simple phonetic key for Latin name tokens that folds the spelling differences of the common
 * transliteration systems and national orthographies, so that {@code YULIYA}, {@code IULIIA}, {@code
 * JULIJA} and {@code IOULIA} (Юлия in BGN/PCGN, ICAO Doc 9303, German and French usage), {@code
 * YOUSSEF}/{@code YUSEF}, {@code HUSSEIN}/{@code HUSAIN}, {@code MUELLER}/{@code MULLER}, {@code
 * DMITRIY}/{@code DMITRII}/{@code DMITRY} or {@code ALEKSANDR}/{@code ALEXANDRE} share a key.
 *
 * <p>Written for Concordia after the rules of thumb of the transliteration tables it has to
 * reconcile (ICAO Doc 9303 Part 3; BGN/PCGN 1947; the German Duden and French press usages of
 * Cyrillic; English and French spellings of Arabic names); in the spirit of, but unlike, Soundex
 * (Russell 1918) and Double Metaphone (Philips 2000), it keeps vowels, which tell names apart, and
 * only merges what those systems spell differently:
 *
 * <ol>
 *   <li>consonant spellings: TSCH, TCH, CZ → CH; SCH, SZ → SH; DZH, DJ, J → Y; KS, X → X; PH → F; TH →
 *       T; KH → H; GH → G; DH → D; CK, Q, hard C → K; soft C (before E, I, Y) → S; W → V; GU before E
 *       or I → G;
 *   <li>a leading I, Y or J before a vowel is Y (IULIIA → YULIA); before E it is dropped (YELENA →
 *       ELENA);
 *   <li>Y between two vowels is a consonant (MAYA); elsewhere it is the vowel I;
 *   <li>vowel runs: OU, OO → U; EE, II, IY → I; AI, EI, AY, EY → I; AE, OE, UE before a consonant → A,
 *       O, U (German transcriptions of umlauts); IYA → IA;
 *   <li>doubled letters are written once; a final E after a consonant and a final H after a vowel are
 *       dropped (YASMINE → YASMIN, FATIMAH → FATIMA).
 * </ol>
 *
 * <p>Input is an upper-case ASCII token; other characters are kept as they are. Stateless and
 * thread-safe.
 */
public final class PhoneticKey {
    private PhoneticKey() {}

    /** The key of one upper-case ASCII name token; the empty string for an empty token. */
    public static String of(String token) {
        String c = consonants(token);
        return vowels(c);
    }

    private static String consonants(String t) {
        StringBuilder sb = new StringBuilder(t.length());
        int n = t.length();
        for (int i = 0; i < n; ) {
            char c = t.charAt(i);
            char n1 = i + 1 < n ? t.charAt(i + 1) : 0;
            char n2 = i + 2 < n ? t.charAt(i + 2) : 0;
            char n3 = i + 3 < n ? t.charAt(i + 3) : 0;
            switch (c) {
                case 'T' -> {
                    if (n1 == 'S' && n2 == 'C' && n3 == 'H') {
                        sb.append("CH");
                        i += 4;
                    } else if (n1 == 'C' && n2 == 'H') {
                        sb.append("CH");
                        i += 3;
                    } else if (n1 == 'H') {
                        sb.append('T');
                        i += 2;
                    } else {
                        sb.append('T');
                        i++;
                    }
                }
                case 'S' -> {
                    if (n1 == 'C' && n2 == 'H') {
                        sb.append("SH");
                        i += 3;
                    } else if (n1 == 'Z') {
                        sb.append("SH");
                        i += 2;
                    } else {
                        sb.append('S');
                        i++;
                    }
                }
                case 'C' -> {
                    if (n1 == 'Z' || n1 == 'H') {
                        sb.append("CH");
                        i += 2;
                    } else if (n1 == 'K') {
                        sb.append('K');
                        i += 2;
                    } else {
                        sb.append(n1 == 'E' || n1 == 'I' || n1 == 'Y' ? 'S' : 'K');
                        i++;
                    }
                }
                case 'D' -> {
                    if (n1 == 'Z' && n2 == 'H') {
                        sb.append('Y');
                        i += 3;
                    } else if (n1 == 'J') {
                        sb.append('Y');
                        i += 2;
                    } else {
                        sb.append('D');
                        i += n1 == 'H' ? 2 : 1;
                    }
                }
                case 'K' -> {
                    if (n1 == 'S') {
                        sb.append('X');
                        i += 2;
                    } else if (n1 == 'H') {
                        sb.append('H');
                        i += 2;
                    } else {
                        sb.append('K');
                        i++;
                    }
                }
                case 'P' -> {
                    sb.append(n1 == 'H' ? 'F' : 'P');
                    i += n1 == 'H' ? 2 : 1;
                }
                case 'G' -> {
                    sb.append('G');
                    boolean silentU = n1 == 'U' && (n2 == 'E' || n2 == 'I');
                    i += n1 == 'H' || silentU ? 2 : 1;
                }
                case 'Q' -> {
                    sb.append('K');
                    i++;
                }
                case 'W' -> {
                    sb.append('V');
                    i++;
                }
                case 'J' -> {
                    sb.append('Y');
                    i++;
                }
                default -> {
                    sb.append(c);
                    i++;
                }
            }
        }
        return sb.toString();
    }

    private static boolean vowel(char c) {
        return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U';
    }

    private static String vowels(String s) {
        int n = s.length();
        if (n == 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(n);
        int i = 0;
        if (n >= 2 && (s.charAt(0) == 'Y' || s.charAt(0) == 'I') && vowel(s.charAt(1))) {
            if (s.charAt(1) == 'E') {
                i = 1; // YELENA, IEVGENII -> ELENA, EVGENI
            } else {
                out.append('Y');
                i = 1;
            }
        }
        StringBuilder run = new StringBuilder(4);
        while (i < n) {
            char c = s.charAt(i);
            boolean isVowel = vowel(c);
            if (c == 'Y') {
                // a glide between vowels (MAYA), but not after I: IYA is IA (MARIYA, YULIYA)
                boolean glide = i > 0
                        && vowel(s.charAt(i - 1))
                        && s.charAt(i - 1) != 'I'
                        && i + 1 < n
                        && vowel(s.charAt(i + 1));
                boolean leading = out.length() == 0 && run.length() == 0;
                isVowel = !glide && !leading;
            }
            if (isVowel) {
                run.append(c == 'Y' ? 'I' : c);
                i++;
                continue;
            }
            if (run.length() > 0) {
                appendRun(run, true, out);
                run.setLength(0);
            }
            if (out.length() == 0 || out.charAt(out.length() - 1) != c) {
                out.append(c);
            }
            i++;
        }
        if (run.length() > 0) {
            appendRun(run, false, out);
        }
        int len = out.length();
        if (len > 3) {
            char last = out.charAt(len - 1);
            char before = out.charAt(len - 2);
            if ((last == 'E' && !vowel(before)) || (last == 'H' && vowel(before))) {
                out.setLength(len - 1);
            }
        }
        return out.toString();
    }

    private static void appendRun(StringBuilder run, boolean beforeConsonant, StringBuilder out) {
        String r = run.toString();
        r = r.replace("OU", "U").replace("OO", "U").replace("EE", "I");
        r = r.replace("AI", "I").replace("EI", "I");
        if (beforeConsonant && r.length() == 2 && r.charAt(1) == 'E' && "AOU".indexOf(r.charAt(0)) >= 0) {
            r = r.substring(0, 1); // MUELLER, KOEHLER, BAERBEL
        }
        char prev = out.length() == 0 ? 0 : out.charAt(out.length() - 1);
        for (int k = 0; k < r.length(); k++) {
            char v = r.charAt(k);
            if (v != prev) {
                out.append(v);
            }
            prev = v;
        }
    }
}
