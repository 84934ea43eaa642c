package org.concordia.model;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A category of the International Classification of Crime for Statistical Purposes (UNODC, ICCS
 * version 1.0, March 2015): a section code of two digits (01–11), a level-2 code of four digits,
 * level 3 of five and level 4 of six, written without separators ({@code 07}, {@code 0701}, {@code
 * 02011}, {@code 020111}).
 */
public record CrimeCategory(String code) {
    private static final Pattern SHAPE = Pattern.compile("(0[1-9]|1[01])(\\d{2}\\d{0,2})?");

    /** ICCS level-1 sections, by their two-digit code. */
    private static final String[] SECTIONS = {
        null,
        "Acts leading to death or intending to cause death",
        "Acts causing harm or intending to cause harm to the person",
        "Injurious acts of a sexual nature",
        "Acts against property involving violence or threat of violence against a person",
        "Acts against property only",
        "Acts involving controlled psychoactive substances or other drugs",
        "Acts involving fraud, deception or corruption",
        "Acts against public order, authority and provisions of the State",
        "Acts against public safety and state security",
        "Acts against the natural environment",
        "Other criminal acts not elsewhere classified"
    };

    public CrimeCategory {
        Objects.requireNonNull(code, "code");
        if (!SHAPE.matcher(code).matches()) {
            throw new IllegalArgumentException("not an ICCS code");
        }
    }

    /** Reads {@code 0101}, {@code 01.01} or {@code 01 01}; empty when it cannot be an ICCS code. */
    public static Optional<CrimeCategory> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String compact = text.strip().replaceAll("[ .]", "");
        return SHAPE.matcher(compact).matches() ? Optional.of(new CrimeCategory(compact)) : Optional.empty();
    }

    /** The level-1 section code, for example {@code 07}. */
    public String section() {
        return code.substring(0, 2);
    }

    /** The English title of the level-1 section. */
    public String sectionTitle() {
        return SECTIONS[Integer.parseInt(section())];
    }
}
