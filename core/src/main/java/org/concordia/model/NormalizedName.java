package org.concordia.model;

import java.util.List;
import java.util.Objects;

/**
 * A name in forms made for comparison, kept beside the original: upper-case ASCII Latin tokens in
 * the order written, the same tokens without particles (al, bin, van, de...), and an
 * order-insensitive key (the core tokens sorted and joined by a space).
 */
public record NormalizedName(String script, List<String> tokens, List<String> coreTokens, String sortedKey) {
    public NormalizedName {
        script = Interned.of(Objects.requireNonNull(script, "script"));
        // tokens are a vocabulary: one instance each; most names have no particle, so one list serves both
        tokens = Interned.all(tokens);
        coreTokens = coreTokens.equals(tokens) ? tokens : Interned.all(coreTokens);
        Objects.requireNonNull(sortedKey, "sortedKey");
    }

    /** The tokens joined by a space, in the order written. */
    public String latin() {
        return String.join(" ", tokens);
    }
}
