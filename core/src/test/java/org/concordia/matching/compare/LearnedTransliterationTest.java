package org.concordia.matching.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.concordia.matching.Agreement;
import org.concordia.matching.FieldComparison;
import org.concordia.matching.translit.CrossScriptModel;
import org.concordia.model.PersonName;
import org.concordia.normalize.NameNormalizer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The learned cross-script model in name comparison: what it adds to the transliteration, what it
 * leaves apart, and how it is guarded. Source of the model: {@link CrossScriptModel} (trained on
 * Wikidata name pairs); the threshold is measured by {@link LearnedTransliterationEvaluation}.
 */
class LearnedTransliterationTest {
    private static final NameComparator WITH_MODEL = new NameComparator();
    private static final NameComparator WITHOUT_MODEL = NameComparator.withoutLearnedTransliteration();

    private static PersonName name(String full) {
        return NameNormalizer.normalize(full, null, null, null);
    }

    private static FieldComparison compare(NameComparator names, String a, String b) {
        return names.compare(List.of(name(a)), List.of(name(b)));
    }

    @Nested
    class WhatTheModelAdds {
        @Test
        void aHebrewGivenNameMeetsItsEnglishSpellingWhereTheTransliterationAgreesWithNothing() {
            // ICU gives BNYMYN for בנימין: no variant, skeleton or typo reaches BENJAMIN
            FieldComparison without = compare(WITHOUT_MODEL, "בנימין נתניהו", "Benjamin Netanyahu");
            FieldComparison with = compare(WITH_MODEL, "בנימין נתניהו", "Benjamin Netanyahu");
            assertThat(without.agreement()).isEqualTo(Agreement.WEAK);
            assertThat(without.explanation()).contains("BNYMYN only in");
            assertThat(with.agreement()).isEqualTo(Agreement.CLOSE);
            assertThat(with.crossScript()).isTrue();
            assertThat(with.explanation())
                    .containsPattern("בנימין~BENJAMIN learned transliteration 0\\.9\\d")
                    .contains("NTNYHW~NETANYAHU consonant skeleton", "[across scripts Hebr/Latn]");
        }

        @Test
        void aKoreanFamilyNameMeetsItsPassportSpellingAndTheGivenNameItsHyphenatedForm() {
            FieldComparison c = compare(WITH_MODEL, "김정은", "Kim Jong-un");
            assertThat(compare(WITHOUT_MODEL, "김정은", "Kim Jong-un").agreement()).isEqualTo(Agreement.WEAK);
            assertThat(c.agreement()).isEqualTo(Agreement.CLOSE);
            assertThat(c.explanation()).contains("김~KIM learned transliteration", "JEONGEUN~JONG+UN joined");
        }

        @Test
        void aNameInKatakanaMeetsTheNameItRenders() {
            FieldComparison c = compare(WITH_MODEL, "ドナルド・トランプ", "Donald Trump");
            assertThat(compare(WITHOUT_MODEL, "ドナルド・トランプ", "Donald Trump").agreement())
                    .isEqualTo(Agreement.DISAGREE);
            assertThat(c.agreement()).isEqualTo(Agreement.CLOSE);
            assertThat(c.explanation())
                    .contains("ドナルド~DONALD learned transliteration", "トランプ~TRUMP learned transliteration");
        }

        @Test
        void aGermanTranscriptionOfARussianNameIsClose() {
            assertThat(compare(WITHOUT_MODEL, "Михаил Горбачёв", "Michail Gorbatschow")
                            .agreement())
                    .isEqualTo(Agreement.WEAK);
            FieldComparison c = compare(WITH_MODEL, "Михаил Горбачёв", "Michail Gorbatschow");
            assertThat(c.agreement()).isEqualTo(Agreement.CLOSE);
            assertThat(c.explanation()).contains("Горбачёв~GORBATSCHOW learned transliteration");
        }

        @Test
        void aFinalHehWrittenForTehMarbutaIsReadBothWays() {
            // عائشه is a common spelling of عائشة; the model learned the careful one.
            FieldComparison c = compare(WITH_MODEL, "عائشه خليل", "Aicha Khalil");
            assertThat(c.agreement()).isIn(Agreement.CLOSE, Agreement.EXACT);
            assertThat(compare(WITH_MODEL, "عبد الله", "Abdullah").agreement())
                    .as("a word ending in لله keeps its heh")
                    .isNotEqualTo(Agreement.DISAGREE);
        }

        @Test
        void aWordTransliteratedAsSeveralTokensMeetsALatinNameAsOneJoin() {
            // ICU reads 弗拉基米尔 character by character: FU LA JI MI ER, five tokens of one word
            FieldComparison c = compare(WITH_MODEL, "弗拉基米尔·普京", "Vladimir Putin");
            assertThat(compare(WITHOUT_MODEL, "弗拉基米尔·普京", "Vladimir Putin").agreement())
                    .isEqualTo(Agreement.DISAGREE);
            assertThat(c.agreement()).isGreaterThanOrEqualTo(Agreement.WEAK);
            assertThat(c.explanation()).contains("弗拉基米尔~VLADIMIR joined, learned transliteration");
        }

        @Test
        void aLearnedPairScoresBetweenTheSkeletonAndAVariant() {
            FieldComparison c = compare(WITH_MODEL, "בנימין", "Benjamin");
            assertThat(c.agreement()).isEqualTo(Agreement.CLOSE);
            assertThat(c.similarity()).isBetween(LearnedTransliteration.LOW, LearnedTransliteration.HIGH);
        }
    }

    @Nested
    class WhatItLeavesApart {
        @ParameterizedTest(name = "{0} !~ {1}")
        @CsvSource({
            "בנימין נתניהו, Yosef Cohen",
            "ドナルド・トランプ, Vladimir Putin",
            "Михаил Горбачёв, Boris Jelzin",
            "김정은, Park Ji-sung",
            "محمد عبد الله, Peter Jones"
        })
        void differentNamesAcrossScriptsStayApart(String a, String b) {
            FieldComparison c = compare(WITH_MODEL, a, b);
            assertThat(c.agreement()).isEqualTo(Agreement.DISAGREE);
            assertThat(c.explanation()).doesNotContain("learned");
        }

        @Test
        void whatTheTransliterationAlreadyExplainsIsNotAskedOfTheModel() {
            FieldComparison c = compare(WITH_MODEL, "محمد عبد الله", "Mohamed Abdallah");
            assertThat(c).isEqualTo(compare(WITHOUT_MODEL, "محمد عبد الله", "Mohamed Abdallah"));
        }

        @Test
        void namesInOneScriptNeverUseTheModel() {
            assertThat(compare(WITH_MODEL, "Михаил Горбачёв", "Михаил Горбачев"))
                    .isEqualTo(compare(WITHOUT_MODEL, "Михаил Горбачёв", "Михаил Горбачев"));
        }
    }

    @Nested
    class Guards {
        private final NameComparator failingModel = new NameComparator(
                NameVariants.standard(),
                new LearnedTransliteration(
                        () -> {
                            throw new IllegalStateException("model loaded");
                        },
                        LearnedTransliteration.THRESHOLD));

        @Test
        void namesInLatinScriptAloneNeverLoadTheModel() {
            FieldComparison c =
                    failingModel.compare(List.of(name("Mohamed Abdallah")), List.of(name("Muhammad Abdullah")));
            assertThat(c.agreement()).isEqualTo(Agreement.CLOSE);
        }

        @Test
        void aNameInAScriptTheModelMightCoverAsksForIt() {
            assertThatThrownBy(() -> failingModel.prepare(List.of(name("בנימין"))))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("model loaded");
        }

        @Test
        void theComparisonIsSymmetricWithTheModel() {
            for (String[] p : List.of(
                    new String[] {"בנימין נתניהו", "Benjamin Netanyahu"},
                    new String[] {"김정은", "Kim Jong-un"},
                    new String[] {"弗拉基米尔·普京", "Vladimir Putin"})) {
                FieldComparison ab = compare(WITH_MODEL, p[0], p[1]);
                FieldComparison ba = compare(WITH_MODEL, p[1], p[0]);
                assertThat(ba.agreement()).isEqualTo(ab.agreement());
                assertThat(ba.similarity()).isEqualTo(ab.similarity());
            }
        }

        @Test
        void manyThreadsOnFreshMemoryGetTheAnswersOfOneThreadWhateverTheOrder() throws Exception {
            List<String[]> pairs = List.of(
                    new String[] {"בנימין נתניהו", "Benjamin Netanyahu"},
                    new String[] {"בנימין נתניהו", "Yosef Cohen"},
                    new String[] {"יוסף כהן", "Yosef Cohen"},
                    new String[] {"김정은", "Kim Jong-un"},
                    new String[] {"김정은", "Kim Yuna"},
                    new String[] {"ドナルド・トランプ", "Donald Trump"},
                    new String[] {"ドナルド・トランプ", "Donald Tusk"},
                    new String[] {"Михаил Горбачёв", "Michail Gorbatschow"},
                    new String[] {"Михаил Горбачёв", "Mikhail Gorbachev"},
                    new String[] {"弗拉基米尔·普京", "Vladimir Putin"});
            NameComparator sequential = new NameComparator(NameVariants.standard(), CrossScriptModel.bundled());
            List<FieldComparison> expected = new ArrayList<>();
            for (String[] p : pairs) {
                expected.add(compare(sequential, p[0], p[1]));
            }
            NameComparator shared = new NameComparator(NameVariants.standard(), CrossScriptModel.bundled());
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<List<FieldComparison>>> runs = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    long seed = t;
                    runs.add(pool.submit(() -> {
                        List<Integer> order = new ArrayList<>();
                        for (int i = 0; i < pairs.size(); i++) {
                            order.add(i);
                        }
                        Collections.shuffle(order, new Random(seed));
                        FieldComparison[] got = new FieldComparison[pairs.size()];
                        for (int i : order) {
                            got[i] = compare(shared, pairs.get(i)[0], pairs.get(i)[1]);
                        }
                        return List.of(got);
                    }));
                }
                for (Future<List<FieldComparison>> run : runs) {
                    assertThat(run.get()).isEqualTo(expected);
                }
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void theScoreOfALearnedPairRunsFromLowAtTheThresholdToHighAtOne() {
            LearnedTransliteration l = LearnedTransliteration.bundled();
            assertThat(l.pairScore(l.threshold)).isCloseTo(LearnedTransliteration.LOW, within(1e-12));
            assertThat(l.pairScore(1)).isCloseTo(LearnedTransliteration.HIGH, within(1e-12));
            assertThat(l.probabilityOf(l.pairScore(0.93))).isCloseTo(0.93, within(1e-12));
        }

        @Test
        void aThresholdOutsideTheOpenUnitIntervalIsRefused() {
            assertThatThrownBy(() -> new LearnedTransliteration(CrossScriptModel::bundled, 1))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> LearnedTransliteration.bundled().withThreshold(0))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @ParameterizedTest(name = "{0}: {1}")
        @CsvSource({
            "HASSAN, 0",
            "ALI, 0",
            "YI, 0",
            "KIM, 2",
            "CHO, 2",
            "GIM, 2",
            "PARK, 1",
            "BAEK, 1",
            "'', -1",
            "HH, -1"
        })
        void theInitialSoundClassSkipsHAndMergesLettersTransliterationConfuses(String latin, int expected) {
            assertThat(LearnedTransliteration.initialClass(latin)).isEqualTo(expected);
        }
    }
}
