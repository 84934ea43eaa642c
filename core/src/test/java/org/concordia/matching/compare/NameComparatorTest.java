package org.concordia.matching.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.concordia.matching.Agreement;
import org.concordia.matching.FieldComparison;
import org.concordia.model.PersonName;
import org.concordia.normalize.NameNormalizer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Source: the levels and examples of the NameComparator contract (token comparison after Christen,
 * "Data Matching", 2012, ch. 5). These tests compare without the learned cross-script model, so that
 * they pin down the alignment itself; {@link LearnedTransliterationTest} covers the model.
 */
class NameComparatorTest {
    private static final NameComparator NAMES = NameComparator.withoutLearnedTransliteration();

    static PersonName name(String full) {
        return NameNormalizer.normalize(full, null, null, null);
    }

    static FieldComparison compare(String a, String b) {
        return NAMES.compare(List.of(name(a)), List.of(name(b)));
    }

    @Nested
    class Exact {
        @Test
        void theSameTokensInAnyOrderAreExact() {
            FieldComparison c = compare("ABDULLAH, Muhammad", "Muhammad Abdullah");
            assertThat(c.field()).isEqualTo("name");
            assertThat(c.agreement()).isEqualTo(Agreement.EXACT);
            assertThat(c.similarity()).isEqualTo(1);
            assertThat(c.crossScript()).isFalse();
            assertThat(c.explanation()).contains("same name in any order (ABDULLAH MUHAMMAD)");
        }

        @Test
        void aChineseNameAndItsPinyinAreExactAcrossScripts() {
            FieldComparison c = compare("毛泽东", "Mao Zedong");
            assertThat(c.agreement()).isEqualTo(Agreement.EXACT);
            assertThat(c.crossScript()).isTrue();
            assertThat(c.explanation()).contains("[across scripts Hani/Latn]");
        }

        @Test
        void aCyrillicNameAndItsPassportSpellingAreExactAcrossScripts() {
            FieldComparison c = compare("Владимир Путин", "Putin Vladimir");
            assertThat(c.agreement()).isEqualTo(Agreement.EXACT);
            assertThat(c.crossScript()).isTrue();
        }

        @Test
        void aParticleOnOneSideOnlyIsDroppedAndSaidSo() {
            FieldComparison c = compare("Ludwig van Beethoven", "Ludwig Beethoven");
            assertThat(c.agreement()).isEqualTo(Agreement.EXACT);
            assertThat(c.explanation()).contains("VAN dropped particle");
        }
    }

    @Nested
    class Close {
        @Test
        void knownVariantsOfEachTokenAreClose() {
            FieldComparison c = compare("Mohamed Abdallah", "Muhammad Abdullah");
            assertThat(c.agreement()).isEqualTo(Agreement.CLOSE);
            assertThat(c.similarity()).isEqualTo(0.95);
            assertThat(c.explanation()).contains("MOHAMED~MUHAMMAD variant", "ABDALLAH~ABDULLAH variant");
        }

        @Test
        void anArabicNameAndItsFrenchSpellingAgreeAcrossScripts() {
            FieldComparison c = compare("محمد عبد الله", "Mohamed Abdallah");
            assertThat(c.agreement()).isEqualTo(Agreement.CLOSE);
            assertThat(c.crossScript()).isTrue();
            // عبد الله is two words, ABDALLAH one: they meet as a join
            assertThat(c.explanation()).contains("BD+ALLH~ABDALLAH joined", "[across scripts Arab/Latn]");
        }

        @Test
        void theArabicArticleWrittenJoinedOrApartMeetsAsAJoin() {
            FieldComparison c = compare("Ahmed Al Shammari", "Ahmed Alshammari");
            assertThat(c.agreement()).isEqualTo(Agreement.CLOSE);
            assertThat(c.explanation()).contains("AL+SHAMMARI~ALSHAMMARI joined, same");
        }

        @Test
        void aGivenNameWrittenAsTwoSyllablesMeetsItsJoinedForm() {
            FieldComparison c = compare("Mao Ze Dong", "Mao Zedong");
            assertThat(c.agreement()).isEqualTo(Agreement.CLOSE);
            assertThat(c.explanation()).contains("ZE+DONG~ZEDONG joined");
        }

        @Test
        void aConsonantSkeletonAgreesAcrossArabicAndLatinScript() {
            FieldComparison c = compare("فاطمة الزهراء", "Fatima Zahra");
            assertThat(c.agreement()).isEqualTo(Agreement.CLOSE);
            assertThat(c.explanation()).contains("ZHRA~ZAHRA consonant skeleton", "AL dropped particle");
        }

        @Test
        void aTypoIsClose() {
            FieldComparison c = compare("Jonathan Smith", "Jonathon Smith");
            assertThat(c.agreement()).isEqualTo(Agreement.CLOSE);
            assertThat(c.explanation()).containsPattern("JONATHAN~JONATHON typo 0\\.9\\d");
        }

        @Test
        void spellingsOfTransliterationSystemsShareAPhoneticKey() {
            FieldComparison c = compare("Yuliya Tymoshenko", "Iuliia Tymoshenko");
            assertThat(c.agreement()).isEqualTo(Agreement.CLOSE);
            assertThat(c.explanation()).contains("YULIYA~IULIIA");
        }

        @Test
        void aMiddleNameGivenAsAnInitialBesideTwoStrongPairsIsClose() {
            FieldComparison c = compare("John Fitzgerald Kennedy", "John F. Kennedy");
            assertThat(c.agreement()).isEqualTo(Agreement.CLOSE);
            assertThat(c.explanation()).contains("FITZGERALD~F initial");
        }

        @Test
        void aMiddleNameOnOneSideOnlyIsTolerated() {
            FieldComparison c = compare("Anna Maria Schmidt", "Anna Schmidt");
            assertThat(c.agreement()).isEqualTo(Agreement.CLOSE);
            assertThat(c.similarity()).isLessThan(1);
            assertThat(c.explanation()).contains("MARIA only in 'Anna Maria Schmidt'");
        }

        @Test
        void titlesDoNotCountAgainstAPair() {
            FieldComparison c = compare("Dr John Smith", "John Smith");
            assertThat(c.agreement()).isEqualTo(Agreement.CLOSE);
            assertThat(c.explanation()).contains("DR title ignored");
        }

        @Test
        void twoOneTokenNamesThatAgreeStronglyAreClose() {
            assertThat(compare("Mohamed", "Muhammad").agreement()).isEqualTo(Agreement.CLOSE);
        }
    }

    @Nested
    class Weak {
        @Test
        void aDifferentGivenNameWithTheSameFamilyNameIsWeak() {
            FieldComparison c = compare("John Smith", "Jane Smith");
            assertThat(c.agreement()).isEqualTo(Agreement.WEAK);
            assertThat(c.explanation()).contains("SMITH~SMITH same", "JOHN only in 'John Smith'");
        }

        @Test
        void anInitialAndOneNameIsWeak() {
            FieldComparison c = compare("J. Smith", "John Smith");
            assertThat(c.agreement()).isEqualTo(Agreement.WEAK);
            assertThat(c.explanation()).contains("J~JOHN initial");
        }

        @Test
        void initialsBesideOneStrongPairAreWeak() {
            assertThat(compare("J. F. Kennedy", "John Fitzgerald Kennedy").agreement())
                    .isEqualTo(Agreement.WEAK);
        }

        @Test
        void aNameCutShortByAFieldWidthIsAPrefix() {
            FieldComparison c = compare("Bartholom Kowalski", "Bartholomew Kowalski");
            assertThat(c.agreement()).isEqualTo(Agreement.WEAK);
            assertThat(c.explanation()).contains("BARTHOLOM~BARTHOLOMEW prefix");
        }

        @Test
        void theFamilyNameAloneAgreeingIsWeak() {
            PersonName a = NameNormalizer.normalize(null, "John Paul", "Smith", null);
            PersonName b = NameNormalizer.normalize(null, "Robert George", "Smith", null);
            assertThat(NAMES.compare(List.of(a), List.of(b)).agreement()).isEqualTo(Agreement.WEAK);
            // the family name as "FAMILY, Given" writes it counts the same
            assertThat(compare("SMITH, John Paul", "SMITH, Robert George").agreement())
                    .isEqualTo(Agreement.WEAK);
        }

        @Test
        void oneSharedTokenOfThreeNotKnownToBeTheFamilyNameIsNotEnough() {
            assertThat(compare("John Paul Smith", "Robert George Smith").agreement())
                    .isEqualTo(Agreement.DISAGREE);
        }
    }

    @Nested
    class DisagreeAndMissing {
        @Test
        void namesWithNothingInCommonDisagree() {
            FieldComparison c = compare("Peter Jones", "Maria Garcia");
            assertThat(c.agreement()).isEqualTo(Agreement.DISAGREE);
            assertThat(c.similarity()).isZero();
            assertThat(c.explanation()).contains("no token in common");
        }

        @Test
        void aSideWithoutANameSaysNothing() {
            FieldComparison c = NAMES.compare(List.of(), List.of(name("Peter Jones")));
            assertThat(c.agreement()).isEqualTo(Agreement.MISSING);
            assertThat(NAMES.prepare(List.of()).isEmpty()).isTrue();
        }
    }

    @Nested
    class SeveralNames {
        @Test
        void theBestPairOfNamesDecides() {
            List<PersonName> a = List.of(name("Abu Ali"), name("Muhammad Abdullah"));
            List<PersonName> b = List.of(name("Peter Jones"), name("Abdullah, Muhammad"));
            FieldComparison c = NAMES.compare(a, b);
            assertThat(c.agreement()).isEqualTo(Agreement.EXACT);
            assertThat(c.crossScript()).isFalse();
        }

        @Test
        void atEqualStrengthTheComparisonWithinOneScriptIsPreferred() {
            List<PersonName> a = List.of(name("Владимир Путин"), name("Vladimir Putin"));
            List<PersonName> b = List.of(name("Vladimir Putin"));
            FieldComparison c = NAMES.compare(a, b);
            assertThat(c.agreement()).isEqualTo(Agreement.EXACT);
            assertThat(c.crossScript()).isFalse();
        }

        @Test
        void namesRepeatingAnEarlierOneAreComparedOnce() {
            NameComparator.Names n =
                    NAMES.prepare(List.of(name("Muhammad Abdullah"), name("ABDULLAH, Muhammad"), name("Ali Hassan")));
            assertThat(n.size()).isEqualTo(2);
        }
    }

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource({
        "John Smith, Jane Smith",
        "Mohamed Abdallah, Muhammad Abdullah",
        "J. Smith, John Smith",
        "Anna Maria Schmidt, Anna Schmidt",
        "محمد عبد الله, Mohamed Abdallah",
        "Peter Jones, Maria Garcia"
    })
    void theComparisonIsSymmetricInLevelAndSimilarity(String a, String b) {
        FieldComparison ab = compare(a, b);
        FieldComparison ba = compare(b, a);
        assertThat(ba.agreement()).isEqualTo(ab.agreement());
        assertThat(ba.similarity()).isEqualTo(ab.similarity());
    }

    @Test
    void similarityRanksExactAboveCloseAboveWeak() {
        double exact = compare("Muhammad Abdullah", "Abdullah Muhammad").similarity();
        double close = compare("Mohamed Abdallah", "Muhammad Abdullah").similarity();
        double weak = compare("J. Smith", "John Smith").similarity();
        double disagree = compare("Peter Jones", "Maria Garcia").similarity();
        assertThat(exact).isGreaterThan(close);
        assertThat(close).isGreaterThan(weak);
        assertThat(weak).isGreaterThan(disagree);
    }
}
