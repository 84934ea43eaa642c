package org.concordia.matching.compare;

import java.util.ArrayList;
import java.util.List;
import org.concordia.model.PersonName;
import org.concordia.normalize.NameNormalizer;
import org.concordia.normalize.Scripts;

/**
 * The words of a name as written in its own script, each with the run of normalised tokens ({@code
 * normalized().tokens()}) it gave: محمد عبد الله gives محمد → MHMD, عبد → BD, الله → ALLH; 普京 gives
 * both PU and JING. Where the normaliser splits a written word, the parts and the whole are words:
 * الشمري gives ال → AL, شمري → SHMRY and الشمري → AL SHMRY; 毛泽东, read family name first, gives 毛 →
 * MAO, 泽东 → ZEDONG and 毛泽东 → MAO ZEDONG. The words are found as {@link NameNormalizer#tokens}
 * finds them (the same separators, the Arabic article split off, Han and Hangul names of two to four
 * syllables read family name first), each transliterated on its own; when the tokens so made differ
 * from the name's there is no mapping. Immutable.
 */
final class NativeWords {
    /** The words, in the order written. */
    final String[] words;
    /** The ISO 15924 script of each word. */
    final String[] scripts;
    /** The index of the first token of each word, and one past its last. */
    final int[] start;

    final int[] end;

    private NativeWords(List<String> words, List<int[]> ranges) {
        this.words = words.toArray(new String[0]);
        this.scripts = new String[this.words.length];
        this.start = new int[this.words.length];
        this.end = new int[this.words.length];
        for (int i = 0; i < this.words.length; i++) {
            scripts[i] = Scripts.detect(this.words[i]);
            start[i] = ranges.get(i)[0];
            end[i] = ranges.get(i)[1];
        }
    }

    /** The words of a name not in Latin script, or null when they cannot be matched with its tokens. */
    static NativeWords of(PersonName name) {
        List<String> tokens = name.normalized().tokens();
        String text = name.full().strip();
        List<String> words = new ArrayList<>(4);
        List<int[]> ranges = new ArrayList<>(4);
        if (syllabic(text, name.script())) {
            if (tokens.size() != 2) {
                return null;
            }
            int cut = text.offsetByCodePoints(0, 1);
            words.add(text.substring(0, cut));
            ranges.add(new int[] {0, 1});
            words.add(text.substring(cut));
            ranges.add(new int[] {1, 2});
            words.add(text);
            ranges.add(new int[] {0, 2});
            return new NativeWords(words, ranges);
        }
        int next = 0;
        for (String written : split(text)) {
            int from = next;
            List<String> parts = articleSplit(written, name.script());
            for (String word : parts) {
                // no script: no syllable reading or article split, the word's own transliteration
                List<String> own = NameNormalizer.tokens(word, Scripts.COMMON);
                if (own.isEmpty()) {
                    continue;
                }
                if (next + own.size() > tokens.size() || !own.equals(tokens.subList(next, next + own.size()))) {
                    return null;
                }
                words.add(word);
                ranges.add(new int[] {next, next + own.size()});
                next += own.size();
            }
            if (parts.size() > 1 && next > from) {
                words.add(written);
                ranges.add(new int[] {from, next});
            }
        }
        return next == tokens.size() && !words.isEmpty() ? new NativeWords(words, ranges) : null;
    }

    /** The index of the word that gave exactly tokens {@code from} to {@code to} (exclusive), or -1. */
    int spanning(int from, int to) {
        for (int w = 0; w < start.length; w++) {
            if (start[w] == from && end[w] == to) {
                return w;
            }
        }
        return -1;
    }

    /** As {@code NameNormalizer}: a Han or Hangul name written as one word of two to four syllables. */
    private static boolean syllabic(String text, String script) {
        if (!("Hani".equals(script) || "Hang".equals(script) || "Hans".equals(script) || "Hant".equals(script))) {
            return false;
        }
        int n = text.codePointCount(0, text.length());
        return n >= 2 && n <= 4 && text.codePoints().allMatch(Character::isLetter);
    }

    /** As {@code NameNormalizer}: the words between separators. */
    private static List<String> split(String text) {
        List<String> out = new ArrayList<>(4);
        int from = -1;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || separator(text.charAt(i))) {
                if (from >= 0) {
                    out.add(text.substring(from, i));
                    from = -1;
                }
            } else if (from < 0) {
                from = i;
            }
        }
        return out;
    }

    /** As {@code NameNormalizer}: the Arabic article written joined is a word of its own (الشمري: ال شمري). */
    private static List<String> articleSplit(String word, String script) {
        if ("Arab".equals(script) && word.length() > 4 && word.startsWith("ال") && !word.startsWith("الله")) {
            return List.of("ال", word.substring(2));
        }
        return List.of(word);
    }

    private static boolean separator(char c) {
        return Character.isWhitespace(c) || ",-./‐_·・()\"،".indexOf(c) >= 0;
    }
}
