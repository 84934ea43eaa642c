package org.concordia.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.concordia.model.CountryRef;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sources: ISO 3166-1 (alpha-2, alpha-3 codes and English short names); ICAO Doc 9303 Part 3 (8th
 * ed. 2021) section 5 codes (D for Germany, XXA stateless person, XXB refugee, UNO, GBD...);
 * docs/exchange-model.md "Countries"; docs/error-codes.md {@code unknown_country}.
 */
class CountriesTest {

    @Nested
    class Codes {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
            "DE, DEU",
            "DEU, DEU",
            "de, DEU",
            "' deu ', DEU",
            "GB, GBR",
            "GBR, GBR",
            "FR, FRA",
            "US, USA",
            "CN, CHN",
            "RU, RUS",
            "GR, GRC",
            "CI, CIV"
        })
        void iso3166CodeGivesTheAlpha3Code(String given, String alpha3) {
            assertThat(Countries.alpha3(given)).contains(alpha3);
        }

        // ICAO Doc 9303 Part 3: D is Germany's code in travel documents.
        @Test
        void icaoCodeDIsGermany() {
            assertThat(Countries.alpha3("D")).contains("DEU");
        }

        // ICAO Doc 9303 Part 3 codes that are not ISO 3166-1 codes are kept as they are.
        @ParameterizedTest
        @ValueSource(
                strings = {"XXA", "XXB", "XXC", "XXX", "UNO", "UNA", "UNK", "GBD", "GBN", "GBO", "GBP", "GBS", "EUE"})
        void icaoOnlyCodeStaysAsItIs(String code) {
            assertThat(Countries.alpha3(code)).contains(code);
            assertThat(Countries.alpha3(code.toLowerCase())).contains(code);
        }

        // docs/error-codes.md: unknown_country, e.g. "ICAO's specimen state Utopia (UTO)".
        @Test
        void specimenStateUtopiaIsNotACountry() {
            assertThat(Countries.alpha3("UTO")).isEmpty();
        }

        @Test
        void commonNonIsoAbbreviationsAreRead() {
            assertThat(Countries.alpha3("UK")).contains("GBR");
            assertThat(Countries.alpha3("EL")).contains("GRC");
        }
    }

    @Nested
    class Names {

        // docs/exchange-model.md: "(Germany, Allemagne, Alemania ...; accents, case and punctuation do not matter)".
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "Germany|DEU",
                    "Allemagne|DEU",
                    "Alemania|DEU",
                    "GERMANY|DEU",
                    "Côte d'Ivoire|CIV",
                    "Côte d’Ivoire|CIV",
                    "Cote d'Ivoire|CIV",
                    "Ivory Coast|CIV",
                    "United States of America|USA",
                    "United States|USA",
                    "États-Unis|USA",
                    "Estados Unidos|USA",
                    "United Kingdom|GBR",
                    "United Kingdom of Great Britain and Northern Ireland|GBR",
                    "Royaume-Uni|GBR",
                    "The Netherlands|NLD",
                    "Russian Federation|RUS",
                    "Russie|RUS",
                    "Iran (Islamic Republic of)|IRN",
                    "Korea, Republic of|KOR",
                    "Bolivia (Plurinational State of)|BOL",
                    "Viet Nam|VNM",
                    "Bosnia and Herzegovina|BIH",
                    "Türkiye|TUR",
                    "Turkey|TUR"
                })
        void countryNameGivesTheAlpha3Code(String given, String alpha3) {
            assertThat(Countries.alpha3(given)).contains(alpha3);
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"Atlantis", "  ", "Berlin", "Mordor"})
        void unknownValueHasNoCode(String given) {
            assertThat(Countries.alpha3(given)).isEmpty();
        }

        // The aliases table spells these "PEOPLE S"; names are written with an apostrophe, which key()
        // removes without leaving a space, so the alias can never match.
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "Democratic People's Republic of Korea|PRK",
                    "Lao People's Democratic Republic|LAO",
                    "People's Republic of China|CHN"
                })
        void officialNameWithAnApostropheResolves(String given, String alpha3) {
            assertThat(Countries.alpha3(given)).contains(alpha3);
        }

        // ISO 3166-1 English short names; CLDR's display names differ ("Myanmar (Burma)", "St. Lucia",
        // "Hong Kong SAR China"), and the plain ISO names are not among the aliases.
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "Myanmar|MMR",
                    "Saint Lucia|LCA",
                    "Saint Kitts and Nevis|KNA",
                    "Saint Vincent and the Grenadines|VCT",
                    "Hong Kong|HKG",
                    "Macao|MAC"
                })
        void isoEnglishShortNameResolves(String given, String alpha3) {
            assertThat(Countries.alpha3(given)).contains(alpha3);
        }
    }

    @Nested
    class Resolve {

        // docs: "The value is kept as given and, when recognised, read as its alpha-3 (or ICAO) code".
        @Test
        void recognisedValueIsKeptAsGivenWithItsCode() {
            assertThat(Countries.resolve("Allemagne")).isEqualTo(new CountryRef("Allemagne", "DEU"));
            assertThat(Countries.resolve("XXA")).isEqualTo(new CountryRef("XXA", "XXA"));
        }

        // docs: "An unrecognised value is kept with an unknown_country warning".
        @Test
        void unknownValueIsKeptAsGivenWithoutCode() {
            CountryRef ref = Countries.resolve("Atlantis");
            assertThat(ref.given()).isEqualTo("Atlantis");
            assertThat(ref.alpha3()).isNull();
            assertThat(ref.isKnown()).isFalse();
        }

        @Test
        void repeatedLookupsAgree() {
            for (int i = 0; i < 3; i++) {
                assertThat(Countries.alpha3("Alemania")).contains("DEU");
                assertThat(Countries.alpha3("Atlantis")).isEmpty();
            }
        }
    }

    @Test
    void englishNameOfAnIsoCodeIsGiven() {
        assertThat(Countries.englishName("DEU")).contains("Germany");
        assertThat(Countries.englishName("XXA")).isEmpty();
    }
}
