package org.concordia.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sources: ICAO Doc 9303 Part 3 (8th ed. 2021) section 6, tables A and B, applied first; ICU
 * {@code Any-Latin; Latin-ASCII} (CLDR transforms) for the other scripts; docs/exchange-model.md
 * "Names", step 2, for the published examples.
 */
class LatinizerTest {

    @Test
    void upperCaseAsciiIsReturnedAsIs() {
        String word = "SMITH";
        assertThat(Latinizer.latinize(word)).isSameAs(word);
    }

    @Test
    void lowerCaseAsciiIsUpperCased() {
        assertThat(Latinizer.latinize("Smith")).isEqualTo("SMITH");
    }

    // docs/exchange-model.md: "Олена Коваленко → OLENA KOVALENKO", "Jürgen Müller → JUERGEN MUELLER".
    // The ICAO form MUELLER (not ICU's MULLER) shows the ICAO tables are applied before ICU.
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "Müller, MUELLER",
        "Jürgen, JUERGEN",
        "Østergård, OESTERGAARD",
        "Олена, OLENA",
        "Коваленко, KOVALENKO",
        "Горбачёв, GORBACHEV",
        "Юлия, IULIIA"
    })
    void icaoTablesAreAppliedBeforeIcu(String word, String latin) {
        assertThat(Latinizer.latinize(word)).isEqualTo(latin);
    }

    // docs/exchange-model.md: "ICU's transliteration of Arabic gives consonants only, so يوسف becomes YWSF".
    @Test
    void arabicIsTransliteratedByIcuToConsonants() {
        assertThat(Latinizer.latinize("يوسف")).isEqualTo("YWSF");
    }

    // Hanyu Pinyin (ISO 7098) of 毛 泽 东 is máo zé dōng; Latin-ASCII drops the tone marks.
    @Test
    void hanIsTransliteratedToPinyinWithoutTones() {
        assertThat(Latinizer.latinize("毛泽东")).isEqualTo("MAO ZE DONG");
    }

    // ELOT 743 / ISO 843 agree on these letters: Αλέξανδρος → ALEXANDROS, Παπαδόπουλος → PAPADOPOULOS.
    @Test
    void greekIsTransliteratedByIcu() {
        assertThat(Latinizer.latinize("Αλέξανδρος")).isEqualTo("ALEXANDROS");
        assertThat(Latinizer.latinize("Παπαδόπουλος")).isEqualTo("PAPADOPOULOS");
    }

    // Table A's Ð → D is reached through ICU's Latin-ASCII even while the ICAO table lacks it.
    @Test
    void ethEndsUpAsD() {
        assertThat(Latinizer.latinize("ð")).isEqualTo("D");
        assertThat(Latinizer.latinize("Guðrún")).isEqualTo("GUDRUN");
    }

    @ParameterizedTest
    @ValueSource(strings = {"محمد", "Иван", "王小明", "สมชาย", "Αθηνά", "דוד", "김정은", "やまだ", "Nguyễn", "ＡＢ１２３"})
    void everyScriptEndsUpAsUpperCaseAscii(String word) {
        String latin = Latinizer.latinize(word);
        assertThat(latin).isNotBlank();
        assertThat(latin.chars()).allMatch(c -> c < 128 && !(c >= 'a' && c <= 'z'));
    }

    @Test
    void repeatedAndConcurrentCallsGiveTheSameResult() {
        List<String> words = List.of("Müller", "Горбачёв", "毛泽东", "يوسف");
        List<String> first = words.stream().map(Latinizer::latinize).toList();
        IntStream.range(0, 200).parallel().forEach(i -> {
            String w = words.get(i % words.size());
            assertThat(Latinizer.latinize(w)).isEqualTo(first.get(i % words.size()));
        });
    }
}
