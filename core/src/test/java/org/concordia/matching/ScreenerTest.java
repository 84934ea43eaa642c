package org.concordia.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.concordia.matching.compare.PersonComparator;
import org.concordia.model.PartialDate;
import org.concordia.model.Person;
import org.concordia.normalize.NameNormalizer;
import org.junit.jupiter.api.Test;

class ScreenerTest {
    static Person person(String id, String name, String birthDate) {
        return new Person(
                TestPersons.envelope(id),
                List.of(NameNormalizer.normalize(name, null, null, null)),
                null,
                ((PartialDate.Parsed.Ok) PartialDate.parse(birthDate)).date(),
                null,
                List.of(),
                List.of());
    }

    /** Name and birth date weigh; the other fields are never known here. Levels: missing, disagree, weak, close, exact. */
    static FellegiSunter model() {
        double[] none = {1, 0.25, 0.25, 0.25, 0.25};
        return new FellegiSunter(
                PersonComparator.FIELDS,
                new double[][] {{1, 0.01, 0.04, 0.15, 0.8}, {1, 0.1, 0.1, 0.2, 0.6}, none, none, none, none},
                new double[][] {{1, 0.9, 0.07, 0.02, 0.01}, {1, 0.95, 0.03, 0.015, 0.005}, none, none, none, none},
                0.01);
    }

    static Screener<?> screener(List<Person> persons) {
        Screener<?> s = new Screener<>(new PersonComparator(), new EveryoneIndex(), 1_000);
        s.index(persons);
        s.useModel(model());
        return s;
    }

    @Test
    void theFewBestAreTheHeadOfTheWholeRankingWithTheSameProbabilities() {
        List<Person> persons = new ArrayList<>();
        String[] names = {"IVAN PETROV", "IVAN PETROFF", "IVAN SMIRNOV", "OLGA PETROVA", "PETR IVANOV"};
        for (int i = 0; i < 60; i++) {
            // equal names and dates recur: ties are broken by the lower position
            persons.add(person("p" + i, names[i % names.length], (1970 + i % 3) + "-05-0" + (1 + i % 4)));
        }
        Screener<?> s = screener(persons);
        Person query = person("q", "Ivan Petrov", "1970-05-01");

        List<Screener.Hit> all = s.screen(query, 1_000);
        List<Screener.Hit> few = s.screen(query, 7);

        assertThat(all).hasSize(60);
        assertThat(few)
                .extracting(Screener.Hit::record)
                .containsExactlyElementsOf(
                        all.subList(0, 7).stream().map(Screener.Hit::record).toList());
        assertThat(few)
                .extracting(Screener.Hit::probability)
                .containsExactlyElementsOf(all.subList(0, 7).stream()
                        .map(Screener.Hit::probability)
                        .toList());
        assertThat(few.getFirst().evidence()).hasSize(PersonComparator.FIELDS.size());
        for (int i = 1; i < all.size(); i++) {
            Screener.Hit before = all.get(i - 1);
            Screener.Hit after = all.get(i);
            assertThat(before.probability() > after.probability()
                            || (before.probability() == after.probability() && before.record() < after.record()))
                    .as("ranked at %d", i)
                    .isTrue();
        }
    }

    @Test
    void twoEquallyGoodRecordsShareTheProbabilityThatOneAloneWouldTake() {
        Person query = person("q", "Ivan Petrov", "1970-05-01");
        List<Person> one =
                List.of(person("a", "IVAN PETROV", "1970-05-01"), person("x", "OLGA SMIRNOVA", "1988-11-23"));
        List<Person> two = List.of(
                person("a", "IVAN PETROV", "1970-05-01"),
                person("b", "IVAN PETROV", "1970-05-01"),
                person("x", "OLGA SMIRNOVA", "1988-11-23"));

        List<Screener.Hit> alone = screener(one).screen(query, 10);
        List<Screener.Hit> shared = screener(two).screen(query, 10);

        assertThat(alone.getFirst().record()).isZero();
        assertThat(alone.getFirst().probability()).isGreaterThan(0.9);
        assertThat(shared.get(0).probability()).isEqualTo(shared.get(1).probability());
        assertThat(shared.get(0).probability()).isBetween(0.45, 0.5);
        assertThat(shared.get(2).record()).isEqualTo(2);
        assertThat(shared.get(2).probability()).isLessThan(1e-3);
    }

    @Test
    void askingForNoHitsAnswersNone() {
        Screener<?> s = screener(List.of(person("a", "IVAN PETROV", "1970-05-01")));
        assertThat(s.screen(person("q", "Ivan Petrov", "1970-05-01"), 0)).isEmpty();
    }
}
