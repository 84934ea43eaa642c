package org.concordia.model;

import java.util.Locale;
import java.util.Optional;

/**
 * Europol-style handling codes, which say how the receiver may use information.
 *
 * <ul>
 *   <li>H0: may be used for preventing and combating crime, no further restriction;
 *   <li>H1: not to be used as evidence in judicial proceedings without the provider's consent;
 *   <li>H2: not to be disseminated further without the provider's consent;
 *   <li>H3: other restrictions, stated by the provider (see the record's purpose).
 * </ul>
 */
public enum HandlingCode {
    H0,
    H1,
    H2,
    H3;

    public static Optional<HandlingCode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
