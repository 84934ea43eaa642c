package org.concordia.sharing;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The stated purpose of a search: a purpose code an agreement can allow or not, optionally followed by
 * a colon and the requester's own words ("criminal-investigation: case 2026/118"). The code is what is
 * checked; the whole text is kept in the audit log of both sides (purpose limitation, EU Directive
 * 2016/680 art. 4(1)(b)).
 *
 * @param code lower-case letters, digits and hyphens, e.g. {@code criminal-investigation}
 * @param text the purpose as given, trimmed
 */
public record Purpose(String code, String text) {
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{1,47}");
    /** The longest purpose text accepted. */
    public static final int MAX_LENGTH = 500;

    /** The purpose of this text, or empty when it has no code in front or is too long. */
    public static Optional<Purpose> parse(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String t = text.strip();
        int colon = t.indexOf(':');
        String code = (colon < 0 ? t : t.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
        code = code.replace(' ', '-');
        return CODE.matcher(code).matches() ? Optional.of(new Purpose(code, t)) : Optional.empty();
    }
}
