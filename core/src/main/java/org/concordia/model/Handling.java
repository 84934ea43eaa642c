package org.concordia.model;

import java.util.Objects;

/**
 * How a record may be shared: its TLP label, its handling code, and whether its owner answers
 * searches about it with hit/no-hit only, whatever the sharing agreement allows.
 */
public record Handling(TlpLabel tlp, HandlingCode code, boolean hitOnly) {
    /** Used when a record gives no handling: TLP:AMBER, H0, not hit-only. */
    public static final Handling DEFAULT = new Handling(TlpLabel.AMBER, HandlingCode.H0, false);

    public Handling {
        Objects.requireNonNull(tlp, "tlp");
        Objects.requireNonNull(code, "code");
    }
}
