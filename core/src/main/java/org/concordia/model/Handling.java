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

    /** Every handling there is: a record's handling is one of these shared instances ({@link #of}). */
    private static final Handling[] ALL = all();

    private static Handling[] all() {
        TlpLabel[] tlps = TlpLabel.values();
        HandlingCode[] codes = HandlingCode.values();
        Handling[] out = new Handling[tlps.length * codes.length * 2];
        for (TlpLabel t : tlps) {
            for (HandlingCode c : codes) {
                for (boolean h : new boolean[] {false, true}) {
                    out[index(t, c, h)] =
                            t == DEFAULT.tlp() && c == DEFAULT.code() && !h ? DEFAULT : new Handling(t, c, h);
                }
            }
        }
        return out;
    }

    private static int index(TlpLabel tlp, HandlingCode code, boolean hitOnly) {
        return (tlp.ordinal() * HandlingCode.values().length + code.ordinal()) * 2 + (hitOnly ? 1 : 0);
    }

    /**
     * The shared instance of this handling: there are only {@code 5 × 4 × 2} of them, and a node holding
     * a million records needs no million copies.
     */
    public static Handling of(TlpLabel tlp, HandlingCode code, boolean hitOnly) {
        return ALL[index(Objects.requireNonNull(tlp, "tlp"), Objects.requireNonNull(code, "code"), hitOnly)];
    }
}
