package org.concordia.matching.translit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CrossScriptModelTest {
    private final CrossScriptModel model = CrossScriptModel.bundled();

    private List<String> top(String nativeToken, String script, int k) {
        return model.latinCandidates(nativeToken, script, k).stream()
                .map(CrossScriptModel.Candidate::latin)
                .toList();
    }

    @Test
    void theBundledModelCoversTheSixScriptsAndIsLoadedOnce() {
        assertThat(model.scripts()).containsExactlyInAnyOrder("Arab", "Cyrl", "Hani", "Hebr", "Hang", "Kana");
        assertThat(CrossScriptModel.bundled()).isSameAs(model);
        assertThat(model.covers("Hans")).isTrue();
        assertThat(model.covers("Grek")).isFalse();
    }

    @Test
    void arabicMuhammadIsSpelledAsOneOfItsCommonLatinForms() {
        assertThat(top("محمد", "Arab", 3)).containsAnyOf("muhammad", "mohamed", "mohammed");
    }

    @Test
    void russianGorbachevIsTheFirstSpellingOfГорбачёв() {
        assertThat(top("Горбачёв", "Cyrl", 5).get(0)).isEqualTo("gorbachev");
    }

    @Test
    void chineseNamesAreSpelledThroughTheirReading() {
        assertThat(top("施瓦辛格", "Hani", 5)).anyMatch(s -> s.startsWith("schw") && s.endsWith("nger"));
    }

    @Test
    void chinesePutinScoresHigherThanOtherNamesFor普京() {
        double putin = model.score("普京", "Putin", "Hani");
        assertThat(putin).isGreaterThan(model.score("普京", "Pushkin", "Hani"));
        assertThat(putin).isGreaterThan(model.score("普京", "Puccini", "Hani"));
        assertThat(putin).isGreaterThan(model.score("普京", "Baker", "Hani"));
    }

    @Test
    void candidatesAreBestFirstWithScoresThatSumToAtMostOne() {
        List<CrossScriptModel.Candidate> c = model.latinCandidates("Иванов", "Cyrl", 10);
        assertThat(c).hasSize(10);
        assertThat(c.subList(0, 2))
                .extracting(CrossScriptModel.Candidate::latin)
                .contains("ivanov");
        assertThat(c).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
        assertThat(c.stream().mapToDouble(CrossScriptModel.Candidate::score).sum())
                .isBetween(0.0, 1.0 + 1e-9);
    }

    @Test
    void theScoreOfTheRightSpellingIsHighAndOfAnUnrelatedNameLow() {
        double right = model.score("محمد", "Mohammed", "Arab");
        double wrong = model.score("محمد", "Smith", "Arab");
        assertThat(right).isBetween(0.5, 1.0);
        assertThat(wrong).isBetween(0.0, 0.1);
        assertThat(model.score("Горбачёв", "Gorbachev", "Cyrl"))
                .isGreaterThan(model.score("Горбачёв", "Gorbunov", "Cyrl"));
    }

    @Test
    void anUnknownScriptIsRefused() {
        assertThatThrownBy(() -> model.score("Ελένη", "eleni", "Grek")).isInstanceOf(IllegalArgumentException.class);
    }
}
