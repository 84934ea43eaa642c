package org.concordia.matching.compare;

import static org.assertj.core.api.Assertions.assertThat;

import org.concordia.matching.Agreement;
import org.concordia.matching.FieldComparison;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Source: the levels and examples of the PlaceComparator contract; the bundled place-variants.txt. */
class PlaceComparatorTest {
    private final PlaceComparator places = new PlaceComparator();

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource({"ZÜRICH, Zürich", "São Paulo, Sao Paulo", "'  Aarhus ', aarhus"})
    void theSamePlaceUpToCaseAndDiacriticsIsExact(String a, String b) {
        FieldComparison c = places.compare(a, b);
        assertThat(c.field()).isEqualTo("birthPlace");
        assertThat(c.agreement()).isEqualTo(Agreement.EXACT);
        assertThat(c.similarity()).isEqualTo(1);
        assertThat(c.crossScript()).isFalse();
    }

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource({
        "Munich, München",
        "Zürich, Zurich",
        "Peking, 北京",
        "Muscat, مسقط",
        "'Munich, Bavaria', München",
        "Pékin, Beijing"
    })
    void knownNamesOfOnePlaceAreClose(String a, String b) {
        FieldComparison c = places.compare(a, b);
        assertThat(c.agreement()).isEqualTo(Agreement.CLOSE);
        assertThat(c.similarity()).isEqualTo(0.95);
        assertThat(c.explanation()).contains(a.strip(), b.strip(), "known names of one place");
    }

    @Test
    void placesInDifferentScriptsAreFlaggedCrossScript() {
        assertThat(places.compare("Peking", "北京").crossScript()).isTrue();
        assertThat(places.compare("Muscat", "مسقط").crossScript()).isTrue();
    }

    @Test
    void aPlaceWithinALongerDescriptionIsClose() {
        FieldComparison c = places.compare("Bristol", "Bristol, City of");
        assertThat(c.agreement()).isEqualTo(Agreement.CLOSE);
        assertThat(c.explanation()).contains("one contains the other");
    }

    @Test
    void aMisspeltPlaceIsClose() {
        FieldComparison c = places.compare("Marseille", "Marseile");
        assertThat(c.agreement()).isEqualTo(Agreement.CLOSE);
        assertThat(c.similarity()).isGreaterThanOrEqualTo(0.9);
        assertThat(c.explanation()).contains("spelling differs");
    }

    @Test
    void anArabicPlaceAndItsLatinSpellingWithTheSameConsonantsAreClose() {
        // حلب, transliterated HLB, and Halab share the consonant skeleton HLB
        FieldComparison c = places.compare("حلب", "Halab");
        assertThat(c.agreement()).isEqualTo(Agreement.CLOSE);
        assertThat(c.crossScript()).isTrue();
    }

    @Test
    void differentPlacesDisagree() {
        FieldComparison c = places.compare("Cairo", "Stockholm");
        assertThat(c.agreement()).isEqualTo(Agreement.DISAGREE);
        assertThat(c.similarity()).isLessThanOrEqualTo(0.25);
        assertThat(c.explanation()).contains("different places");
    }

    @Test
    void aMissingOrBlankPlaceSaysNothing() {
        assertThat(places.compare(null, "Cairo").agreement()).isEqualTo(Agreement.MISSING);
        assertThat(places.compare("Cairo", "  ").agreement()).isEqualTo(Agreement.MISSING);
        assertThat(places.compare("Cairo", "--").agreement()).isEqualTo(Agreement.MISSING);
        assertThat(places.prepare(" ")).isNull();
    }
}
