package org.concordia.matching.compare;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.concordia.normalize.NameNormalizer;
import org.concordia.normalize.Scripts;

/**
 * Known equivalences of name tokens: English nicknames and diminutives (WILLIAM, BILL, WILL, BILLY),
 * and the spellings one name takes across transliteration systems and languages (MOHAMED, MUHAMMAD,
 * MEHMET, محمد; ZHANG, CHANG, CHEUNG; ALEKSANDR, ALEXANDER, OLEKSANDR).
 *
 * <p>The bundled lists ({@code name-variants.txt} for person names, {@code place-variants.txt} for
 * birth places, beside this class) were written for Concordia from common knowledge of English
 * nicknames and of the usual romanisations (ICAO Doc 9303, BGN/PCGN, Hanyu Pinyin, Wade-Giles,
 * Cantonese Yale-style spellings, French and English usage for Arabic names, RTGS for Thai); no
 * external list was copied.
 *
 * <p>File format: UTF-8, one group per line, members separated by commas; {@code #} starts a comment.
 * A member may be written in any script and with spaces: it is normalised like a name ({@link
 * NameNormalizer#tokens}) and its tokens joined, so {@code Abd Allah} and {@code عبد الله} become
 * {@code ABDALLAH} and {@code BDALLH}. Names with spaces are therefore matched against joined tokens
 * (the name comparator joins adjacent tokens).
 *
 * <p>Equivalence is membership of a common group; it is not transitive across groups (ALEX is in the
 * ALEXANDER and the ALEXANDRA groups, which stay apart). Immutable and thread-safe.
 */
public final class NameVariants {
    private static final int[] NONE = new int[0];
    private static volatile NameVariants standard;
    private static volatile NameVariants places;

    private final Map<String, int[]> groupsOf;
    private final List<String> canonicals;

    private NameVariants(Map<String, int[]> groupsOf, List<String> canonicals) {
        this.groupsOf = groupsOf;
        this.canonicals = canonicals;
    }

    /** The bundled person-name variants. */
    public static NameVariants standard() {
        NameVariants s = standard;
        if (s == null) {
            synchronized (NameVariants.class) {
                if (standard == null) {
                    standard = resource("name-variants.txt");
                }
                s = standard;
            }
        }
        return s;
    }

    /** The bundled place-name variants (exonyms and endonyms: MUNICH, MUENCHEN, MÜNCHEN). */
    public static NameVariants places() {
        NameVariants p = places;
        if (p == null) {
            synchronized (NameVariants.class) {
                if (places == null) {
                    places = resource("place-variants.txt");
                }
                p = places;
            }
        }
        return p;
    }

    private static NameVariants resource(String name) {
        try (InputStream in = NameVariants.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads groups in the file format described above. */
    public static NameVariants parse(Reader reader) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(reader)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lines.add(line);
            }
        }
        return of(lines);
    }

    /** Groups from lines in the file format described above. */
    public static NameVariants of(List<String> lines) {
        Map<String, List<Integer>> groups = new HashMap<>();
        List<String> canonicals = new ArrayList<>();
        for (String raw : lines) {
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
            if (line.isEmpty()) {
                continue;
            }
            Set<String> members = new LinkedHashSet<>();
            for (String member : line.split(",")) {
                String key = key(member);
                if (!key.isEmpty()) {
                    members.add(key);
                }
            }
            if (members.size() < 2) {
                continue;
            }
            int id = canonicals.size();
            canonicals.add(members.iterator().next());
            for (String m : members) {
                groups.computeIfAbsent(m, k -> new ArrayList<>(1)).add(id);
            }
        }
        Map<String, int[]> groupsOf = new HashMap<>(groups.size() * 2);
        groups.forEach((k, v) ->
                groupsOf.put(k, v.stream().mapToInt(Integer::intValue).sorted().toArray()));
        return new NameVariants(Map.copyOf(groupsOf), List.copyOf(canonicals));
    }

    /** The joined upper-case ASCII form of a member as written in a list. */
    static String key(String member) {
        String m = member.strip();
        if (m.isEmpty()) {
            return "";
        }
        return String.join("", NameNormalizer.tokens(m, Scripts.detect(m)));
    }

    /** True when the two upper-case ASCII tokens are equal or share a group. */
    public boolean equivalent(String tokenA, String tokenB) {
        return tokenA.equals(tokenB) || share(groups(tokenA), groups(tokenB));
    }

    /**
     * The group id of a token for indexing: the first member of the first group that holds it, or the
     * token itself when it is in no group. Tokens that share a group may still have different ids
     * when one of them is in several groups: index {@link #canonicals} for those.
     */
    public String canonical(String token) {
        int[] g = groups(token);
        return g.length == 0 ? token : canonicals.get(g[0]);
    }

    /** The ids of every group that holds the token (the token itself when none does). */
    public List<String> canonicals(String token) {
        int[] g = groups(token);
        if (g.length == 0) {
            return List.of(token);
        }
        List<String> out = new ArrayList<>(g.length);
        for (int id : g) {
            out.add(canonicals.get(id));
        }
        return out;
    }

    /** The sorted group numbers of a token; empty when it is in none. For precomputed comparisons. */
    int[] groups(String token) {
        return groupsOf.getOrDefault(token, NONE);
    }

    /** How many groups the lists hold. */
    public int size() {
        return canonicals.size();
    }

    /** True when two sorted group-number arrays have a number in common. */
    static boolean share(int[] a, int[] b) {
        if (a.length == 0 || b.length == 0) {
            return false;
        }
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                return true;
            }
            if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "NameVariants[" + canonicals.size() + " groups, " + groupsOf.size() + " tokens]";
    }

    static int[] copy(int[] a) {
        return Arrays.copyOf(a, a.length);
    }
}
