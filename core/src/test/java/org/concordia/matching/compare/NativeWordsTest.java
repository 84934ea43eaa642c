package org.concordia.matching.compare;

import static org.assertj.core.api.Assertions.assertThat;

import org.concordia.normalize.NameNormalizer;
import org.junit.jupiter.api.Test;

/** Source: the tokenising rules of {@link NameNormalizer} (separators, the Arabic article, syllable reading). */
class NativeWordsTest {

    private static NativeWords words(String full) {
        return NativeWords.of(NameNormalizer.normalize(full, null, null, null));
    }

    private static String word(NativeWords w, int from, int to) {
        int i = w.spanning(from, to);
        return i < 0 ? null : w.words[i];
    }

    @Test
    void eachWordKeepsTheTokensItGave() {
        NativeWords w = words("محمد عبد الله");
        assertThat(w.words).containsExactly("محمد", "عبد", "الله");
        assertThat(word(w, 0, 1)).isEqualTo("محمد");
        assertThat(word(w, 1, 2)).isEqualTo("عبد");
        assertThat(word(w, 2, 3)).isEqualTo("الله");
        assertThat(word(w, 1, 3)).as("two written words are not one").isNull();
        assertThat(w.scripts).containsOnly("Arab");
    }

    @Test
    void theArabicArticleWrittenJoinedIsAWordAndSoIsTheWholeAsWritten() {
        NativeWords w = words("أحمد الشمري");
        assertThat(word(w, 1, 2)).isEqualTo("ال");
        assertThat(word(w, 2, 3)).isEqualTo("شمري");
        assertThat(word(w, 1, 3)).isEqualTo("الشمري");
    }

    @Test
    void aChineseNameReadFamilyNameFirstKeepsItsSyllablesAndTheWhole() {
        NativeWords w = words("毛泽东");
        assertThat(word(w, 0, 1)).isEqualTo("毛");
        assertThat(word(w, 1, 2)).isEqualTo("泽东");
        assertThat(word(w, 0, 2)).isEqualTo("毛泽东");
        assertThat(w.scripts).containsOnly("Hani");
    }

    @Test
    void aHanWordReadCharacterByCharacterSpansAllItsTokens() {
        NativeWords w = words("弗拉基米尔·普京");
        assertThat(word(w, 0, 5)).isEqualTo("弗拉基米尔");
        assertThat(word(w, 5, 7)).isEqualTo("普京");
    }

    @Test
    void hyphensAndMiddleDotsSeparateWords() {
        assertThat(words("Иванов-Петров").words).containsExactly("Иванов", "Петров");
        NativeWords kana = words("ドナルド・トランプ");
        assertThat(kana.words).containsExactly("ドナルド", "トランプ");
        assertThat(kana.scripts).containsOnly("Kana");
    }
}
