package org.concordia.model;

import java.util.List;

/**
 * One shared instance of each string drawn from a small vocabulary: name tokens, script and
 * country codes, owner codes, purposes. A node keeps every indexed person in memory, and a million
 * persons wrote "MUHAMMAD", "Latn" or "INTERPOL" in a few thousand distinct ways but, read from
 * files and the store one by one, held millions of copies: objects that every garbage collection
 * marking visits (docs/benchmarks.md, federated search). Uses the JVM's string table, whose
 * entries go when no longer referenced.
 */
final class Interned {
    private Interned() {}

    /** The shared instance of {@code s}, or null. */
    static String of(String s) {
        return s == null ? null : s.intern();
    }

    /** An unmodifiable copy of {@code strings} holding their shared instances. */
    static List<String> all(List<String> strings) {
        String[] out = new String[strings.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = strings.get(i).intern();
        }
        return List.of(out);
    }
}
