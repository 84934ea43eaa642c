package org.concordia.node;

import java.util.Locale;
import java.util.Optional;

/** The roles of a node's users. What each may call is in {@link SecurityConfiguration}. */
public enum Roles {
    /** Searches, views records, asks follow-ups. */
    OFFICER,
    /** Same as an officer for now; later also link review and endeavour reports. */
    ANALYST,
    /** Data-protection officer: agreements, the audit log, follow-up decisions. */
    DPO,
    /** Node administrator: imports, accounts, agreements, metrics. */
    ADMIN,
    /**
     * An authorised officer: what an officer may do, and deciding follow-up requests for this owner's
     * records (approve a release, or refuse), as the data-protection officer may.
     */
    RELEASER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Roles> parse(String text) {
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
