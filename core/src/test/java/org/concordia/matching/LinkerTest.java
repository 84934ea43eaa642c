package org.concordia.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.concordia.model.Envelope;
import org.concordia.model.Person;
import org.concordia.normalize.NameNormalizer;
import org.concordia.port.CandidateIndex;
import org.junit.jupiter.api.Test;

class LinkerTest {
    /** Blocks on the first letter of the first name token: the test is about decisions, not retrieval. */
    static final class FirstLetterIndex implements CandidateIndex {
        private final List<Person> added = new ArrayList<>();

        @Override
        public void add(int ordinal, Person person) {
            added.add(person);
        }

        @Override
        public void refresh() {}

        @Override
        public List<Candidate> candidates(Person query, int max) {
            char c = query.names().getFirst().normalized().tokens().getFirst().charAt(0);
            List<Candidate> out = new ArrayList<>();
            for (int i = 0; i < added.size() && out.size() < max; i++) {
                if (added.get(i)
                                .names()
                                .getFirst()
                                .normalized()
                                .tokens()
                                .getFirst()
                                .charAt(0)
                        == c) {
                    out.add(new Candidate(i, 1f));
                }
            }
            return out;
        }

        @Override
        public void close() {}
    }

    /**
     * A comparator on one field, the name's first token: equal tokens agree EXACT; the flag
     * crossScript is set when the two names are in different scripts.
     */
    static final class FirstTokenComparator implements RecordComparator<Person> {
        @Override
        public List<String> fields() {
            return List.of("name", "document");
        }

        @Override
        public Person prepare(Person person) {
            return person;
        }

        @Override
        public List<FieldComparison> compare(Person a, Person b) {
            var na = a.names().getFirst();
            var nb = b.names().getFirst();
            boolean same = na.normalized()
                    .tokens()
                    .getFirst()
                    .equals(nb.normalized().tokens().getFirst());
            boolean cross = !na.script().equals(nb.script());
            return List.of(
                    new FieldComparison("name", same ? Agreement.EXACT : Agreement.DISAGREE, same ? 1 : 0, "", cross),
                    FieldComparison.missing("document"));
        }
    }

    static Person person(String id, String name) {
        Envelope e = TestPersons.envelope(id);
        return new Person(
                e, List.of(NameNormalizer.normalize(name, null, null, null)), null, null, null, List.of(), List.of());
    }

    @Test
    void aMatchRestingOnACrossScriptNameAloneStaysPossibleWhileTheSameEvidenceInOneScriptIsSame() {
        List<Person> persons = new ArrayList<>();
        // 520 different people (distinct names, 26 blocks by first letter), and three records of IVAN:
        // two in Latin script, one in Cyrillic
        for (int i = 0; i < 520; i++) {
            String name = "" + (char) ('A' + i % 26) + (char) ('A' + i / 26 % 26) + "X";
            persons.add(person("p-" + i, name));
        }
        persons.add(person("latin-1", "IVAN"));
        persons.add(person("latin-2", "IVAN"));
        persons.add(person("cyrillic", "Иван"));
        Linker.Result r = new Linker<>(
                        new FirstTokenComparator(),
                        new Linker.Config(new MatchThresholds(0.8, 0.5), 100, 20_000, 30, 1))
                .link(persons, new FirstLetterIndex());
        int latin1 = persons.size() - 3;
        int latin2 = persons.size() - 2;
        int cyr = persons.size() - 1;
        assertThat(r.links()).anySatisfy(l -> {
            assertThat(List.of(l.a(), l.b())).containsExactlyInAnyOrder(latin1, latin2);
            assertThat(l.state()).isEqualTo(LinkState.SAME);
        });
        assertThat(r.links())
                .filteredOn(l -> l.a() == cyr || l.b() == cyr)
                .isNotEmpty()
                .allSatisfy(l -> {
                    assertThat(l.probability()).isGreaterThanOrEqualTo(0.8);
                    assertThat(l.state()).isEqualTo(LinkState.POSSIBLE);
                });
        assertThat(r.clusters()[latin1]).isEqualTo(r.clusters()[latin2]);
        assertThat(r.clusters()[cyr])
                .as("a possible link does not join a cluster")
                .isEqualTo(cyr);
    }

    /** Name's first token as {@link FirstTokenComparator}, and the birth date: equal or not. */
    static final class NameAndBirthDateComparator implements RecordComparator<Person> {
        private final FirstTokenComparator names = new FirstTokenComparator();

        @Override
        public List<String> fields() {
            return List.of("name", "birthDate");
        }

        @Override
        public Person prepare(Person person) {
            return person;
        }

        @Override
        public List<FieldComparison> compare(Person a, Person b) {
            FieldComparison date = a.birthDate() == null || b.birthDate() == null
                    ? FieldComparison.missing("birthDate")
                    : a.birthDate().equals(b.birthDate())
                            ? new FieldComparison("birthDate", Agreement.EXACT, 1, "", false)
                            : new FieldComparison("birthDate", Agreement.DISAGREE, 0, "", false);
            return List.of(names.compare(a, b).getFirst(), date);
        }
    }

    static Person person(String id, String name, String birthDate) {
        Person p = person(id, name);
        return new Person(
                p.envelope(),
                p.names(),
                null,
                ((org.concordia.model.PartialDate.Parsed.Ok) org.concordia.model.PartialDate.parse(birthDate)).date(),
                null,
                List.of(),
                List.of());
    }

    @Test
    void aCrossScriptNameBesideAnEqualBirthDateDoesNotRestOnTheNameAlone() {
        List<Person> persons = new ArrayList<>();
        for (int i = 0; i < 520; i++) {
            String name = "" + (char) ('A' + i % 26) + (char) ('A' + i / 26 % 26) + "X";
            persons.add(person("p-" + i, name, String.format("%04d-%02d-%02d", 1940 + i % 60, 1 + i % 12, 1 + i % 28)));
        }
        for (int i = 0; i < 40; i++) {
            // pairs of one person: same name and date in one script
            String name = "I" + (char) ('A' + i % 26) + (char) ('A' + i / 26) + "Y";
            String date = String.format("%04d-%02d-%02d", 1950 + i, 1 + i % 12, 1 + i % 28);
            persons.add(person("q-" + i + "a", name, date));
            persons.add(person("q-" + i + "b", name, date));
        }
        persons.add(person("latin", "IVAN", "1984-05-06"));
        persons.add(person("cyrillic", "Иван", "1984-05-06"));
        Linker.Result r = new Linker<>(
                        new NameAndBirthDateComparator(),
                        new Linker.Config(new MatchThresholds(0.8, 0.5), 200, 20_000, 30, 1))
                .link(persons, new FirstLetterIndex());
        int latin = persons.size() - 2;
        int cyr = persons.size() - 1;
        assertThat(r.links()).anySatisfy(l -> {
            assertThat(List.of(l.a(), l.b())).containsExactlyInAnyOrder(latin, cyr);
            assertThat(l.state()).isEqualTo(LinkState.SAME);
        });
    }
}
