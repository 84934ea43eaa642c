package org.concordia.normalize;

import com.ibm.icu.lang.UScript;
import java.util.Locale;

/** Writing-system detection by ISO 15924 code, with ICU's Unicode script property (UAX #24). */
public final class Scripts {
    /** ISO 15924 code for text without letters of any particular script. */
    public static final String COMMON = "Zyyy";

    private Scripts() {}

    /**
     * The ISO 15924 code of the script that most letters of {@code text} belong to, for example
     * {@code Arab}, {@code Cyrl}, {@code Hani}, {@code Latn}; {@link #COMMON} when there is no letter.
     * Japanese kana and kanji mixed count as the majority of the two.
     */
    public static String detect(String text) {
        if (text == null || text.isEmpty()) {
            return COMMON;
        }
        if (isLatinOnly(text)) {
            return "Latn";
        }
        int[] counts = new int[UScript.CODE_LIMIT];
        int best = UScript.COMMON;
        int bestCount = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            int s = UScript.getScript(cp);
            if (s == UScript.COMMON || s == UScript.INHERITED || s == UScript.UNKNOWN) {
                continue;
            }
            if (++counts[s] > bestCount) {
                bestCount = counts[s];
                best = s;
            }
        }
        return bestCount == 0 ? COMMON : UScript.getShortName(best);
    }

    /** True when every character is ASCII or Latin (up to Latin Extended-B) and at least one is a letter. */
    private static boolean isLatinOnly(String text) {
        boolean letter = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x250 || (c >= 0x80 && c < 0xC0) || c == 0xD7 || c == 0xF7) {
                return false;
            }
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0xC0) {
                letter = true;
            }
        }
        return letter;
    }

    /**
     * The canonical spelling ({@code Arab}) of an ISO 15924 code written in any case, or {@code null}
     * when the text is not a code ICU knows.
     */
    public static String canonical(String code) {
        if (code == null || code.strip().length() != 4) {
            return null;
        }
        String c = code.strip();
        String titled =
                c.substring(0, 1).toUpperCase(Locale.ROOT) + c.substring(1).toLowerCase(Locale.ROOT);
        try {
            int[] codes = UScript.getCode(titled);
            if (codes == null || codes.length == 0) {
                return null;
            }
            return UScript.getShortName(codes[0]).equalsIgnoreCase(titled) ? titled : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static boolean isLatin(String script) {
        return "Latn".equals(script) || COMMON.equals(script);
    }
}
