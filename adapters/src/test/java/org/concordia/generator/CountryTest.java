package org.concordia.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.concordia.normalize.Countries;
import org.junit.jupiter.api.Test;

class CountryTest {
    @Test
    void everyCodeAndNameTheGeneratorWritesResolvesToTheCountry() {
        for (Country c : Country.all()) {
            for (String written : new String[] {
                c.alpha3(),
                c.alpha2(),
                c.icao(),
                c.english(),
                c.english().toUpperCase(Locale.ROOT),
                c.french(),
                c.spanish(),
                c.alpha3().toLowerCase(Locale.ROOT)
            }) {
                assertThat(Countries.alpha3(written)).as(written).contains(c.alpha3());
            }
        }
    }

    @Test
    void everyOriginDrawsFromCountriesWithCities() {
        for (Country c : Country.all()) {
            assertThat(c.cities())
                    .as(c.alpha3())
                    .isNotEmpty()
                    .allSatisfy(s -> assertThat(s).isNotEmpty());
        }
    }
}
