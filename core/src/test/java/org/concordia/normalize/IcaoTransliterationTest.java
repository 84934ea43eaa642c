package org.concordia.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Source: ICAO Doc 9303 Machine Readable Travel Documents, 8th edition 2021, Part 3 "Specifications
 * common to all MRTDs", section 6 "Transliterations recommended for use by States": table A
 * (multinational Latin-based characters, recommended forms such as Ä → AE, not the plain A that
 * is also allowed) and table B (Cyrillic characters).
 */
class IcaoTransliterationTest {

    @Nested
    class TableALatinWithDiacritics {

        // Every row is a line of Doc 9303 Part 3 table A (upper case, recommended form).
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
            "Á, A", "À, A", "Â, A", "Ã, A", "Ă, A", "Ā, A", "Ą, A", "Ä, AE", "Å, AA", "Æ, AE", "Ć, C", "Ĉ, C", "Č, C",
            "Ċ, C", "Ç, C", "Ď, D", "Đ, D", "É, E", "È, E", "Ê, E", "Ë, E", "Ě, E", "Ė, E", "Ē, E", "Ę, E", "Ĕ, E",
            "Ĝ, G", "Ğ, G", "Ġ, G", "Ģ, G", "Ĥ, H", "Ħ, H", "Í, I", "Ì, I", "Î, I", "Ï, I", "Ĩ, I", "İ, I", "Ī, I",
            "Į, I", "Ĭ, I", "Ĳ, IJ", "Ĵ, J", "Ķ, K", "Ĺ, L", "Ľ, L", "Ļ, L", "Ł, L", "Ŀ, L", "Ń, N", "Ñ, N", "Ň, N",
            "Ņ, N", "Ŋ, N", "Ó, O", "Ò, O", "Ô, O", "Õ, O", "Ő, O", "Ō, O", "Ŏ, O", "Ö, OE", "Ø, OE", "Œ, OE", "Ŕ, R",
            "Ř, R", "Ŗ, R", "Ś, S", "Ŝ, S", "Š, S", "Ş, S", "Ť, T", "Ţ, T", "Ŧ, T", "Ú, U", "Ù, U", "Û, U", "Ũ, U",
            "Ŭ, U", "Ű, U", "Ů, U", "Ū, U", "Ų, U", "Ü, UE", "Ŵ, W", "Ý, Y", "Ŷ, Y", "Ÿ, Y", "Ź, Z", "Ž, Z", "Ż, Z",
            "Þ, TH", "ẞ, SS"
        })
        void latinLetterWithDiacriticIsTransliteratedWithTableA(String letter, String latin) {
            assertThat(IcaoTransliteration.apply(letter)).isEqualTo(latin);
            assertThat(IcaoTransliteration.covers(letter.codePointAt(0))).isTrue();
        }

        // Table A is given in upper case; a lower-case letter is the same letter.
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({"ä, AE", "å, AA", "æ, AE", "ø, OE", "ö, OE", "ü, UE", "þ, TH", "ł, L", "ñ, N", "ÿ, Y", "ĳ, IJ"})
        void lowerCaseLetterIsFoldedBeforeTheTableIsApplied(String letter, String latin) {
            assertThat(IcaoTransliteration.apply(letter)).isEqualTo(latin);
        }

        // Table A: ß → SS (the lower-case sharp s upper-cases to SS before the table is consulted).
        @Test
        void sharpSIsTransliteratedAsDoubleS() {
            assertThat(IcaoTransliteration.apply("ß")).isEqualTo("SS");
            assertThat(IcaoTransliteration.apply("Straße")).isEqualTo("STRASSE");
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
            "Müller, MUELLER",
            "Østergård, OESTERGAARD",
            "Jürgen, JUERGEN",
            "Ærøskøbing, AEROESKOEBING",
            "Þórunn, THORUNN",
            "Łódź, LODZ",
            "Muñoz, MUNOZ",
            "Dvořák, DVORAK",
            "Şahin, SAHIN"
        })
        void namesWithDiacriticsAreTransliteratedLetterByLetter(String name, String latin) {
            assertThat(IcaoTransliteration.apply(name)).isEqualTo(latin);
        }

        // Doc 9303 Part 3 table A lists the Icelandic/Faroese eth: Ð → D.
        @Test
        void ethIsTransliteratedWithTableA() {
            assertThat(IcaoTransliteration.covers('Ð')).isTrue();
            assertThat(IcaoTransliteration.apply("Ð")).isEqualTo("D");
            assertThat(IcaoTransliteration.apply("Guðrún")).isEqualTo("GUDRUN");
        }
    }

    @Nested
    class TableBCyrillic {

        // Every row is a line of Doc 9303 Part 3 table B.
        @ParameterizedTest(name = "{0} -> \"{1}\"")
        @CsvSource({
            "А, A",
            "Б, B",
            "В, V",
            "Г, G",
            "Д, D",
            "Е, E",
            "Ё, E",
            "Ж, ZH",
            "З, Z",
            "И, I",
            "Й, I",
            "К, K",
            "Л, L",
            "М, M",
            "Н, N",
            "О, O",
            "П, P",
            "Р, R",
            "С, S",
            "Т, T",
            "У, U",
            "Ф, F",
            "Х, KH",
            "Ц, TS",
            "Ч, CH",
            "Ш, SH",
            "Щ, SHCH",
            "Ъ, IE",
            "Ы, Y",
            "Ь, ''",
            "Э, E",
            "Ю, IU",
            "Я, IA",
            // Ukrainian and Belarusian letters
            "Ґ, G",
            "Є, IE",
            "І, I",
            "Ї, I",
            "Ў, U",
            // Serbian and Macedonian letters
            "Ђ, D",
            "Ѓ, G",
            "Ѕ, DZ",
            "Ј, J",
            "Ќ, K",
            "Љ, LJ",
            "Њ, NJ",
            "Ћ, C",
            "Џ, DZ"
        })
        void cyrillicLetterIsTransliteratedWithTableB(String letter, String latin) {
            assertThat(IcaoTransliteration.apply(letter)).isEqualTo(latin);
            assertThat(IcaoTransliteration.covers(letter.codePointAt(0))).isTrue();
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
            "Горбачёв, GORBACHEV",
            "Юлия, IULIIA",
            "Олена, OLENA",
            "Коваленко, KOVALENKO",
            "Щукин, SHCHUKIN",
            "Хрущёв, KHRUSHCHEV",
            "Игорь, IGOR",
            "Объект, OBIEEKT",
            "Крылов, KRYLOV",
            "Євгенія, IEVGENIIA",
            "Їжак, IZHAK",
            "Љубица, LJUBITSA",
            "Његош, NJEGOSH",
            "Џеко, DZEKO"
        })
        void cyrillicIsTransliteratedWithTheIcaoTable(String name, String latin) {
            assertThat(IcaoTransliteration.apply(name)).isEqualTo(latin);
        }

        @Test
        void softSignIsDropped() {
            assertThat(IcaoTransliteration.apply("Ь")).isEmpty();
            assertThat(IcaoTransliteration.apply("Гоголь")).isEqualTo("GOGOL");
        }
    }

    @Nested
    class OutsideTheTables {

        @Test
        void asciiIsOnlyUpperCased() {
            assertThat(IcaoTransliteration.apply("Smith-Jones 42")).isEqualTo("SMITH-JONES 42");
        }

        @Test
        void charactersOfOtherScriptsAreKeptForALaterStep() {
            assertThat(IcaoTransliteration.apply("محمد")).isEqualTo("محمد");
            assertThat(IcaoTransliteration.apply("毛泽东")).isEqualTo("毛泽东");
            assertThat(IcaoTransliteration.covers("م".codePointAt(0))).isFalse();
            assertThat(IcaoTransliteration.covers('A')).isFalse();
        }

        @Test
        void mixedTextTransliteratesOnlyWhatTheTablesCover() {
            assertThat(IcaoTransliteration.apply("Müller Ωmega")).isEqualTo("MUELLER ΩMEGA");
        }

        @Test
        void emptyTextStaysEmpty() {
            assertThat(IcaoTransliteration.apply("")).isEmpty();
        }
    }
}
