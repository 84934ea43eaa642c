package org.concordia.normalize;

import java.util.Locale;

/** Document, serial and registration numbers in one comparable form. */
public final class DocumentNumbers {
    private DocumentNumbers() {}

    /**
     * Upper case, Latin (ICAO tables and ICU), without separators or any character other than A–Z and
     * 0–9: {@code "x 12-345/6"} becomes {@code "X123456"}. May return an empty string.
     */
    public static String normalize(String number) {
        if (number == null) {
            return "";
        }
        String latin = Latinizer.latinize(number.strip().toUpperCase(Locale.ROOT));
        StringBuilder sb = new StringBuilder(latin.length());
        for (int i = 0; i < latin.length(); i++) {
            char c = latin.charAt(i);
            if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
