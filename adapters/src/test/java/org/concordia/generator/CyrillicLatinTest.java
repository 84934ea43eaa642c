package org.concordia.generator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CyrillicLatinTest {
    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource({
        // ICAO Doc 9303 Part 3, table of Cyrillic transliteration
        "ICAO, Юлия, Iuliia",
        "ICAO, Дмитрий, Dmitrii",
        "ICAO, Щукин, Shchukin",
        "ICAO, Фёдоров, Fedorov",
        // BGN/PCGN 1947
        "BGN, Юлия, Yuliya",
        "BGN, Елена, Yelena",
        "BGN, Дмитрий, Dmitriy",
        "BGN, Васильев, Vasilyev",
        "BGN, Соловьёв, Solovyov",
        // English press usage
        "POPULAR, Дмитрий, Dmitry",
        "POPULAR, Алексей, Alexey",
        "POPULAR, Максим, Maxim",
        "POPULAR, Наталья, Natalia",
        "POPULAR, Юлия, Yulia",
        // German (Duden)
        "GERMAN, Жуков, Schukow",
        "GERMAN, Васильев, Wassiljew",
        "GERMAN, Евгений, Jewgeni",
        "GERMAN, Шевченко, Schewtschenko",
        // French usage
        "FRENCH, Сергей, Sergueï",
        "FRENCH, Юлия, Ioulia",
        "FRENCH, Жуков, Joukov",
        // Ukrainian national system (KMU 2010) and the older Y-forms
        "UKRAINIAN, Олександр, Oleksandr",
        "UKRAINIAN, Андрій, Andrii",
        "UKRAINIAN, Юлія, Yuliia",
        "UKRAINIAN, Тетяна, Tetiana",
        "UKRAINIAN, Сергій, Serhii",
        "UKRAINIAN, Олійник, Oliinyk",
        "UKRAINIAN_OLD, Андрій, Andriy",
        "UKRAINIAN_OLD, Юлія, Yuliya",
    })
    void transliteratesNamesAsTheSystemWritesThem(CyrillicLatin system, String cyrillic, String latin) {
        assertThat(system.transliterate(cyrillic)).isEqualTo(latin);
    }

    @ParameterizedTest
    @CsvSource({"ВИШНЕВСКАЯ, Vishnevskaya", "Санкт-Петербург, Sankt-Peterburg", "Анна Мария, Anna Mariya"})
    void capitalisesEachWordWhateverTheInputCase(String cyrillic, String latin) {
        assertThat(CyrillicLatin.BGN.transliterate(cyrillic)).isEqualTo(latin);
    }
}
