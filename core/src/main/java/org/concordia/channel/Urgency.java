package org.concordia.channel;

import java.util.Optional;

/**
 * How fast a follow-up request must be decided. EU Directive 2023/977 (information exchange between
 * law enforcement authorities), article 5(1): 8 hours for urgent requests about information directly
 * accessible, 3 days otherwise (the node's defaults; deadlines are configuration).
 */
public enum Urgency {
    URGENT,
    STANDARD;

    public String wireName() {
        return this == URGENT ? "urgent" : "standard";
    }

    public static Optional<Urgency> parse(String text) {
        return "urgent".equals(text)
                ? Optional.of(URGENT)
                : "standard".equals(text) ? Optional.of(STANDARD) : Optional.empty();
    }
}
