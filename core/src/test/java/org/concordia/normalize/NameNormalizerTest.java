package org.concordia.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.concordia.model.NormalizedName;
import org.concordia.model.PersonName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Sources: docs/exchange-model.md "Names" (steps 1–4 and their examples); ISO 15924 script codes;
 * ICAO Doc 9303 Part 3 section 6 tables; Hanyu Pinyin; Revised Romanization of Korean (2000).
 */
class NameNormalizerTest {

    private static PersonName full(String name) {
        return NameNormalizer.normalize(name, null, null, null);
    }

    private static NormalizedName normalized(String name) {
        return full(name).normalized();
    }

    @Nested
    class Script {

        // Step 1: "or else the script of most of the letters (Arab, Cyrl, Hani, Latn…)".
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
            "محمد عبد الله الشمري, Arab",
            "Олена Коваленко, Cyrl",
            "毛泽东, Hani",
            "Jürgen Müller, Latn",
            "สมชาย ใจดี, Thai",
            "Αλέξανδρος Παπαδόπουλος, Grek"
        })
        void scriptIsDetectedWhenTheSourceGivesNone(String name, String script) {
            PersonName p = full(name);
            assertThat(p.script()).isEqualTo(script);
            assertThat(p.normalized().script()).isEqualTo(script);
        }

        @Test
        void scriptGivenByTheSourceIsCanonicalisedAndKept() {
            assertThat(NameNormalizer.normalize("Ivan", null, null, "cyrl").script())
                    .isEqualTo("Cyrl");
        }

        // Step 1: "A script that is not an ISO 15924 code is ignored ... and the script detected instead."
        @Test
        void scriptThatIsNotAnIso15924CodeIsReplacedByTheDetectedOne() {
            assertThat(NameNormalizer.normalize("Иван", null, null, "Russian").script())
                    .isEqualTo("Cyrl");
            assertThat(NameNormalizer.normalize("Иван", null, null, "Xxxx").script())
                    .isEqualTo("Cyrl");
        }
    }

    @Nested
    class Original {

        // "Names ... are kept exactly as written".
        @Test
        void fullNameIsKeptUnchanged() {
            String written = "محمد عبد الله الشمري";
            assertThat(full(written).full()).isEqualTo(written);
            assertThat(full("O'Brien, Séamus").full()).isEqualTo("O'Brien, Séamus");
        }

        // "When full is absent it is built as given family."
        @Test
        void givenAndFamilyOnlyBuildTheFullName() {
            PersonName p = NameNormalizer.normalize(null, "Jürgen", "Müller", null);
            assertThat(p.full()).isEqualTo("Jürgen Müller");
            assertThat(p.given()).isEqualTo("Jürgen");
            assertThat(p.family()).isEqualTo("Müller");
            assertThat(p.normalized().tokens()).containsExactly("JUERGEN", "MUELLER");
        }

        @Test
        void givenOrFamilyAloneIsTheFullName() {
            assertThat(NameNormalizer.normalize(null, "Jean", "  ", null).full())
                    .isEqualTo("Jean");
            assertThat(NameNormalizer.normalize("", null, "Müller", null).full())
                    .isEqualTo("Müller");
        }

        @Test
        void fullNameGivenBesideItsPartsIsNotRebuilt() {
            PersonName p = NameNormalizer.normalize("MÜLLER, Jürgen", "Jürgen", "Müller", null);
            assertThat(p.full()).isEqualTo("MÜLLER, Jürgen");
            assertThat(p.normalized().tokens()).containsExactly("MUELLER", "JUERGEN");
        }

        // "an object needs at least one of full, given, family (invalid_name otherwise)".
        @Test
        void nameWithoutFullGivenOrFamilyIsRefused() {
            assertThatThrownBy(() -> NameNormalizer.normalize(" ", null, "", "Latn"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Tokens {

        // docs: "Олена Коваленко → OLENA KOVALENKO", "Jürgen Müller → JUERGEN MUELLER".
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
            "Олена Коваленко, OLENA KOVALENKO",
            "Jürgen Müller, JUERGEN MUELLER",
            "Горбачёв, GORBACHEV",
            "Юлия Тимошенко, IULIIA TIMOSHENKO",
            "Østergård, OESTERGAARD",
            "Αλέξανδρος Παπαδόπουλος, ALEXANDROS PAPADOPOULOS"
        })
        void tokensAreTheUpperCaseLatinFormInTheOrderWritten(String name, String latin) {
            assertThat(normalized(name).latin()).isEqualTo(latin);
        }

        // Step 3: "apostrophes are dropped inside a token (O'Brien → OBRIEN)".
        @ParameterizedTest
        @CsvSource({"O'Brien", "O’Brien", "o'brien"})
        void apostropheIsDroppedInsideAToken(String name) {
            assertThat(normalized(name).tokens()).containsExactly("OBRIEN");
        }

        // Step 3: "hyphens, dots, commas and spaces separate tokens".
        @ParameterizedTest(name = "{0}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "Jean-Pierre|JEAN PIERRE",
                    "J.-P. Sartre|J P SARTRE",
                    "SMITH,John|SMITH JOHN",
                    "  Anna   Maria  |ANNA MARIA"
                })
        void hyphensDotsCommasAndSpacesSeparateTokens(String name, String latin) {
            assertThat(normalized(name).latin()).isEqualTo(latin);
        }

        // Step 3: "the joined Arabic article is split off". ال is transliterated AL; ICU gives consonants only.
        @Test
        void joinedArabicArticleIsSplitOffTheFamilyName() {
            NormalizedName n = normalized("محمد عبد الله الشمري");
            assertThat(n.tokens()).startsWith("MHMD").endsWith("AL", "SHMRY");
            assertThat(n.coreTokens()).contains("MHMD", "SHMRY").doesNotContain("AL");
        }

        // The schema example: "يوسف الحداد" with family "الحداد"; docs: يوسف → YWSF.
        @Test
        void articleIsSplitOffEvenWhenTheNameIsBuiltFromItsParts() {
            NormalizedName n =
                    NameNormalizer.normalize(null, "يوسف", "الحداد", "Arab").normalized();
            assertThat(n.tokens()).containsExactly("YWSF", "AL", "HDAD");
            assertThat(n.coreTokens()).containsExactly("YWSF", "HDAD");
        }

        // Step 3: "Han and Hangul names written as one word are read family name first (毛泽东 → MAO ZEDONG)".
        @Test
        void hanNameWrittenAsOneWordIsReadFamilyNameFirst() {
            NormalizedName n = normalized("毛泽东");
            assertThat(n.tokens()).containsExactly("MAO", "ZEDONG");
            assertThat(n.script()).isEqualTo("Hani");
        }

        @Test
        void hanNameOfMoreThanFourSyllablesIsNotRegrouped() {
            // Five syllables are not a one-word name of two to four syllables.
            assertThat(normalized("毛泽东毛泽").tokens()).hasSize(5);
        }

        // Revised Romanization of Korean: 김 Gim, 정 jeong, 은 eun; family name first, given name joined.
        @Test
        void hangulNameWrittenAsOneWordIsReadFamilyNameFirst() {
            assertThat(normalized("김정은").tokens()).containsExactly("GIM", "JEONGEUN");
            assertThat(normalized("도경수").tokens()).containsExactly("DO", "GYEONGSU");
        }

        @Test
        void thaiNameGivesLatinTokens() {
            NormalizedName n = normalized("สมชาย ใจดี");
            assertThat(n.script()).isEqualTo("Thai");
            assertThat(n.tokens()).hasSize(2).allSatisfy(t -> {
                assertThat(t).isNotEmpty();
                assertThat(t.chars()).allMatch(c -> c >= 'A' && c <= 'Z');
            });
        }
    }

    @Nested
    class Keys {

        // Step 4: "ABDALLAH, Mohamed and Mohamed Abdallah get the same key".
        @Test
        void nameWrittenFamilyFirstHasTheSameKey() {
            assertThat(normalized("ABDULLAH, Muhammad").sortedKey())
                    .isEqualTo(normalized("Muhammad Abdullah").sortedKey())
                    .isEqualTo("ABDULLAH MUHAMMAD");
            assertThat(normalized("ABDALLAH, Mohamed").sortedKey())
                    .isEqualTo(normalized("Mohamed Abdallah").sortedKey());
        }

        // Step 4: "particles (AL, BIN, VAN, DE…) are set aside".
        @Test
        void particlesAreSetAsideFromTheCoreTokens() {
            NormalizedName n = normalized("van der Berg");
            assertThat(n.tokens()).containsExactly("VAN", "DER", "BERG");
            assertThat(n.coreTokens()).containsExactly("BERG");
            assertThat(n.sortedKey()).isEqualTo("BERG");
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "Osama bin Laden|LADEN OSAMA",
                    "Abu Bakr al-Baghdadi|BAGHDADI BAKR",
                    "Ludwig van Beethoven|BEETHOVEN LUDWIG",
                    "Leonardo da Vinci|LEONARDO VINCI",
                    "Juan de la Cruz|CRUZ JUAN"
                })
        void keyIsTheSortedCoreTokens(String name, String key) {
            assertThat(normalized(name).sortedKey()).isEqualTo(key);
        }

        @Test
        void nameOfParticlesOnlyKeepsThemAsCore() {
            NormalizedName n = normalized("De La");
            assertThat(n.coreTokens()).containsExactly("DE", "LA");
            assertThat(n.sortedKey()).isEqualTo("DE LA");
        }

        @Test
        void particlesAreRecognisedAfterTransliteration() {
            // Arabic article transliterated to AL is a particle like the Latin al.
            assertThat(normalized("الشمري").coreTokens()).containsExactly("SHMRY");
        }

        // The particle list is documented as "Arabic, Hebrew, Dutch, German, Romance, Celtic": it has no
        // place in a Han-script name, where 杜 (Dù) and 倪 (Ní) are common family names.
        @Test
        void hanFamilyNameThatSpellsLikeAParticleStaysInTheKey() {
            assertThat(normalized("杜甫").coreTokens()).containsExactly("DU", "FU");
            assertThat(normalized("倪匡").coreTokens()).containsExactly("NI", "KUANG");
        }
    }
}
