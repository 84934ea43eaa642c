package org.concordia.matching.translit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatinNameIndexTest {
    private static final List<String> NAMES = List.of(
            "Mohamed",
            "MUHAMMAD",
            "Smith",
            "Gorbachev",
            "Putin",
            "Peterson",
            "Abdullah",
            "Schwarzenegger",
            "Kim",
            "Tanaka",
            "Cohen",
            "Ivanova",
            "Mannerheim",
            "Merkel",
            "Mohamed.");

    private final LatinNameIndex index = new LatinNameIndex(CrossScriptModel.bundled(), NAMES);

    @Test
    void indexesTheDistinctNormalisedTokens() {
        assertThat(index.size()).isEqualTo(NAMES.size() - 1);
    }

    @Test
    void ranksTheKnownLatinSpellingOfANativeNameFirst() {
        assertThat(index.rank("Горбачёв", "Cyrl", 3).get(0).latin()).isEqualTo("gorbachev");
        assertThat(index.rank("عبدالله", "Arab", 3).get(0).latin()).isEqualTo("abdullah");
        assertThat(index.rank("施瓦辛格", "Hani", 3).get(0).latin()).isEqualTo("schwarzenegger");
        assertThat(index.rank("普京", "Hani", 3).get(0).latin()).isEqualTo("putin");
        assertThat(index.rank("כהן", "Hebr", 3).get(0).latin()).isEqualTo("cohen");
        assertThat(index.rank("김", "Hang", 3).get(0).latin()).isEqualTo("kim");
        assertThat(index.rank("タナカ", "Kana", 3).get(0).latin()).isEqualTo("tanaka");
        assertThat(index.rank("Иванова", "Cyrl", 3).get(0).latin()).isEqualTo("ivanova");
    }

    @Test
    void bothArabicSpellingsOfMuhammadComeBeforeAnyOtherName() {
        List<CrossScriptModel.Candidate> ranked = index.rank("محمد", "Arab", 2);
        assertThat(ranked)
                .extracting(CrossScriptModel.Candidate::latin)
                .containsExactlyInAnyOrder("mohamed", "muhammad");
        assertThat(ranked.get(0).score())
                .isBetween(0.0, 1.0)
                .isGreaterThanOrEqualTo(ranked.get(1).score());
    }

    @Test
    void aTokenWithoutLettersOfTheScriptHasNoCandidates() {
        assertThat(index.rank("123", "Cyrl", 5)).isEmpty();
    }
}
