package org.concordia.generator;

import java.util.SplittableRandom;

/**
 * Russian and Ukrainian names: Cyrillic forms as data, Latin forms by the transliteration systems
 * partners use ({@link CyrillicLatin}) plus the customary Western spellings some records hold
 * (Alexander, Julia). The middle name is the patronymic, built from the father's given name.
 */
final class SlavicNames implements NameStyle {
    // Male rows: name | patronymic of a son | patronymic of a daughter | customary Latin spellings.
    // Female rows: name | customary Latin spellings. Family rows: masculine | feminine form.
    static final SlavicNames RUSSIAN = new SlavicNames(
            NameStyle.table(
                    "Александр|Александрович|Александровна|Alexander|Alexandre",
                    "Дмитрий|Дмитриевич|Дмитриевна|Dmitri",
                    "Сергей|Сергеевич|Сергеевна|Sergei|Serguei",
                    "Андрей|Андреевич|Андреевна|Andrei",
                    "Алексей|Алексеевич|Алексеевна|Alexei",
                    "Михаил|Михайлович|Михайловна|Michail",
                    "Иван|Иванович|Ивановна",
                    "Николай|Николаевич|Николаевна|Nikolai|Nicolai",
                    "Владимир|Владимирович|Владимировна",
                    "Евгений|Евгеньевич|Евгеньевна|Evgeni|Eugene",
                    "Павел|Павлович|Павловна",
                    "Максим|Максимович|Максимовна",
                    "Игорь|Игоревич|Игоревна",
                    "Виктор|Викторович|Викторовна"),
            NameStyle.table(
                    "Юлия|Julia|Yulia",
                    "Екатерина|Ekaterina|Katerina",
                    "Наталья|Natalia|Natalie",
                    "Ольга|Olga",
                    "Анна",
                    "Мария|Maria",
                    "Татьяна|Tatiana",
                    "Елена|Elena|Jelena",
                    "Ирина",
                    "Светлана",
                    "Анастасия|Anastasia"),
            NameStyle.table(
                    "Иванов|Иванова",
                    "Смирнов|Смирнова",
                    "Кузнецов|Кузнецова",
                    "Попов|Попова",
                    "Васильев|Васильева",
                    "Петров|Петрова",
                    "Соколов|Соколова",
                    "Михайлов|Михайлова",
                    "Новиков|Новикова",
                    "Фёдоров|Фёдорова",
                    "Морозов|Морозова",
                    "Волков|Волкова",
                    "Лебедев|Лебедева",
                    "Козлов|Козлова",
                    "Павлов|Павлова",
                    "Соловьёв|Соловьёва",
                    "Жуков|Жукова",
                    "Вишневский|Вишневская"),
            new CyrillicLatin[] {
                CyrillicLatin.ICAO, CyrillicLatin.BGN, CyrillicLatin.POPULAR, CyrillicLatin.GERMAN, CyrillicLatin.FRENCH
            },
            new int[] {30, 25, 27, 9, 9});

    static final SlavicNames UKRAINIAN = new SlavicNames(
            NameStyle.table(
                    "Олександр|Олександрович|Олександрівна|Alexander|Aleksandr",
                    "Микола|Миколайович|Миколаївна|Nikolai",
                    "Андрій|Андрійович|Андріївна|Andrei",
                    "Юрій|Юрійович|Юріївна|Yuri",
                    "Сергій|Сергійович|Сергіївна|Sergei",
                    "Тарас|Тарасович|Тарасівна",
                    "Богдан|Богданович|Богданівна",
                    "Віктор|Вікторович|Вікторівна|Viktor"),
            NameStyle.table(
                    "Олена|Elena",
                    "Тетяна|Tatiana",
                    "Оксана",
                    "Наталія|Natalia",
                    "Юлія|Julia|Yulia",
                    "Ірина|Irina",
                    "Ольга|Olga"),
            NameStyle.table(
                    "Шевченко",
                    "Коваленко",
                    "Бондаренко",
                    "Ткаченко",
                    "Кравченко",
                    "Мельник",
                    "Бойко",
                    "Коваль",
                    "Олійник",
                    "Шевчук"),
            // ICAO here stands for records that transliterated a Ukrainian name as if it were
            // Russian (Olga for Ольга rather than Olha): a real source of mismatches.
            new CyrillicLatin[] {CyrillicLatin.UKRAINIAN, CyrillicLatin.UKRAINIAN_OLD, CyrillicLatin.ICAO},
            new int[] {60, 30, 10});

    private final String[][] male;
    private final String[][] female;
    private final String[][] family;
    private final CyrillicLatin[] systems;
    private final int[] systemWeights;

    private SlavicNames(
            String[][] male, String[][] female, String[][] family, CyrillicLatin[] systems, int[] systemWeights) {
        this.male = male;
        this.female = female;
        this.family = family;
        this.systems = systems;
        this.systemWeights = systemWeights;
    }

    @Override
    public int givenCount(char sex) {
        return sex == 'F' ? female.length : male.length;
    }

    @Override
    public int familyCount() {
        return family.length;
    }

    @Override
    public int middle(char sex, SplittableRandom rng) {
        return Dice.chance(rng, 0.85) ? rng.nextInt(male.length) : -1;
    }

    @Override
    public boolean middleIsFathersName() {
        return true;
    }

    @Override
    public Spelling spell(Person p, boolean original, SplittableRandom rng) {
        boolean female = p.sex() == 'F';
        String[] given = female ? this.female[p.given()] : male[p.given()];
        int customary = female ? 1 : 3; // where the customary Latin spellings start in the row
        String[] fam = family[p.family()];
        String familyName = female && fam.length > 1 ? fam[1] : fam[0];
        // Western systems have no field for the patronymic: Latin records drop it more often
        boolean keepMiddle = p.middle() >= 0 && Dice.chance(rng, original ? 0.8 : 0.5);
        String patronymic = keepMiddle ? male[p.middle()][female ? 2 : 1] : null;
        if (original) {
            // Russian official documents write the family name first
            return new Spelling(given[0], patronymic, familyName, "Cyrl", true, false);
        }
        CyrillicLatin system = systems[Dice.weighted(systemWeights, rng)];
        String g = given.length > customary && Dice.chance(rng, 0.12)
                ? given[customary + rng.nextInt(given.length - customary)]
                : system.transliterate(given[0]);
        String m = patronymic == null ? null : system.transliterate(patronymic);
        String f = system.transliterate(familyName);
        // -off for -ov: the French spelling of emigrés, still found in older records
        if (this == RUSSIAN
                && (f.endsWith("ov") || f.endsWith("ev"))
                && Dice.chance(rng, system == CyrillicLatin.FRENCH ? 0.5 : 0.04)) {
            f = f.substring(0, f.length() - 1) + "ff";
        }
        return new Spelling(g, m, f, "Latn", false, false);
    }
}
