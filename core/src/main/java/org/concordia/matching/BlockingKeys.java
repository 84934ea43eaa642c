package org.concordia.matching;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.concordia.model.DocumentRef;
import org.concordia.model.Person;
import org.concordia.model.PersonName;
import org.concordia.normalize.NameNormalizer;
import org.concordia.normalize.Scripts;

/**
 * The candidate keys of a person: what a candidate index stores and retrieves, so that every index
 * backend (Lucene, OpenSearch) finds the same candidates while comparison and scoring stay in
 * Concordia's code. Keys are plain strings with a type prefix:
 *
 * <ul>
 *   <li>{@code n:TOKEN} every core name token of every name (Latin, upper case), in any order;
 *   <li>{@code j:TOKENTOKEN} every two adjacent core tokens joined (JIAN GUO gives JIANGUO), for an
 *       index to match against a name written as one word;
 *   <li>{@code s:SKELETON} a consonant skeleton of each token ({@link #skeleton}), so that spelling and
 *       transliteration variants (MOHAMED, MUHAMMAD, MHMD from Arabic script) share a key;
 *   <li>{@code f:XYZ} the first three letters of each token of four letters or more, for typos late
 *       in a word;
 *   <li>{@code y:YYYY} the birth year;
 *   <li>{@code m:YYYY-M} the year and month of birth, when the month is known;
 *   <li>{@code t:YYYY-MM-DD} the full birth date, when the day is known (with the name keys it ranks
 *       a record whose name was replaced or badly mangled but whose date was kept);
 *   <li>{@code p:PLACE} the birth place, its tokens transliterated and joined;
 *   <li>{@code d:NUMBER} each normalised document number.
 * </ul>
 *
 * Thread-safe, stateless.
 */
public final class BlockingKeys {
    private BlockingKeys() {}

    public static List<String> of(Person p) {
        Set<String> keys = new LinkedHashSet<>();
        for (PersonName n : p.names()) {
            List<String> core = n.normalized().coreTokens();
            for (int i = 0; i < core.size(); i++) {
                addNameKeys(core.get(i), keys);
                if (i > 0) {
                    // JIAN GUO and JIANGUO, ABD ALLAH and ABDALLAH: written apart in one source, joined in another
                    keys.add("j:" + core.get(i - 1) + core.get(i));
                }
            }
        }
        if (p.birthDate() != null) {
            keys.add("y:" + p.birthDate().year());
            if (p.birthDate().hasMonth()) {
                keys.add("m:" + p.birthDate().year() + "-" + p.birthDate().month());
            }
            if (p.birthDate().hasDay()) {
                keys.add("t:" + p.birthDate());
            }
        }
        if (p.birthPlace() != null && !p.birthPlace().isBlank()) {
            String place = String.join("", NameNormalizer.tokens(p.birthPlace(), Scripts.detect(p.birthPlace())));
            if (place.length() >= 2) {
                keys.add("p:" + place);
            }
        }
        for (DocumentRef d : p.documents()) {
            if (!d.normalizedNumber().isEmpty()) {
                keys.add("d:" + d.normalizedNumber());
            }
        }
        return List.copyOf(keys);
    }

    /** The keys of one Latin name token (upper-case ASCII). */
    public static void addNameKeys(String token, Set<String> keys) {
        if (token.length() < 2) {
            return;
        }
        keys.add("n:" + token);
        String sk = skeleton(token);
        if (sk.length() >= 2) {
            keys.add("s:" + sk);
        }
        if (token.length() >= 4) {
            keys.add("f:" + token.substring(0, 3));
        }
    }

    /**
     * A consonant skeleton in the spirit of Soundex (Russell, US patent 1,261,167, 1918) and of the
     * consonantal writing of Arabic and Hebrew: the first letter kept, vowels and {@code Y}, {@code W},
     * {@code H} after it dropped except where H follows a consonant it changes (SH, KH, GH, TH, CH, PH),
     * letters of one sound class merged (C/K/Q, S/Z, PH/F), runs collapsed.
     * {@code MOHAMED}, {@code MUHAMMAD} and {@code MHMD} all give {@code MHMD}; {@code ABDALLAH} and
     * {@code ABDULLAH} give {@code ABDLH}.
     */
    public static String skeleton(String token) {
        StringBuilder sb = new StringBuilder(token.length());
        char prev = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            char next = i + 1 < token.length() ? token.charAt(i + 1) : 0;
            char out;
            switch (c) {
                case 'A', 'E', 'I', 'O', 'U', 'Y', 'W' -> {
                    if (i == 0) {
                        out = c == 'W' ? 'V' : (c == 'Y' ? 'I' : 'A');
                    } else {
                        prev = 0; // a vowel separates: MM in MUHAMMAD collapses, M-M in MAMA does not
                        continue;
                    }
                }
                case 'C', 'Q' -> out = (next == 'H') ? 'X' : 'K';
                case 'K' -> out = (next == 'H') ? 'X' : 'K';
                case 'S' -> out = (next == 'H') ? 'Z' : 'S';
                case 'Z' -> out = 'S';
                case 'P' -> out = (next == 'H') ? 'F' : 'P';
                case 'H' -> {
                    if (i > 0 && "CKSPGT".indexOf(token.charAt(i - 1)) >= 0) {
                        continue; // part of a digraph, already represented
                    }
                    out = 'H';
                }
                default -> out = c;
            }
            if (out != prev) {
                sb.append(out);
            }
            prev = out;
        }
        return sb.toString();
    }
}
