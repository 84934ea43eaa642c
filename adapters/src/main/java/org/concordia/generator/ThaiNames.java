package org.concordia.generator;

import java.util.SplittableRandom;

/**
 * Thai names in Thai script, in the Royal Thai General System of Transcription (RTGS, Royal
 * Institute 1999) and in the spellings people choose for their own passports (Somsri rather than
 * RTGS Somsi, Porntip rather than Phonthip). Thai write the given name first.
 */
final class ThaiNames implements NameStyle {
    static final ThaiNames INSTANCE = new ThaiNames();

    // Thai | RTGS | customary spellings
    private static final String[][] MALE = NameStyle.table(
            "สมชาย|Somchai",
            "สมศักดิ์|Somsak",
            "สุรชัย|Surachai",
            "ประเสริฐ|Prasoet|Prasert",
            "วิชัย|Wichai|Vichai",
            "อนุชา|Anucha",
            "ธนากร|Thanakon|Thanakorn",
            "ณัฐพล|Natthaphon|Nattapol|Nuttapon",
            "ชัยวัฒน์|Chaiwat",
            "กิตติศักดิ์|Kittisak",
            "สมพงษ์|Somphong|Sompong",
            "บุญมี|Bunmi|Boonmee");

    private static final String[][] FEMALE = NameStyle.table(
            "สมศรี|Somsi|Somsri",
            "มาลี|Mali|Malee",
            "สุดารัตน์|Sudarat",
            "วันเพ็ญ|Wanphen|Wanpen",
            "กาญจนา|Kanchana|Kanjana",
            "ปราณี|Prani|Pranee",
            "อรุณี|Aruni|Arunee",
            "พรทิพย์|Phonthip|Porntip|Pornthip",
            "รัตนา|Rattana|Ratana",
            "นภา|Napha|Napa",
            "สุภาพร|Suphaphon|Supaporn");

    private static final String[][] FAMILY = NameStyle.table(
            "ศรีสุข|Sisuk|Srisuk",
            "แก้วมณี|Kaeomani|Kaewmanee",
            "บุญมา|Bunma|Boonma",
            "สุขสวัสดิ์|Suksawat|Suksawad",
            "ทองดี|Thongdi|Thongdee",
            "ใจดี|Chaidi|Jaidee",
            "วงศ์สวัสดิ์|Wongsawat",
            "ศรีวงศ์|Siwong|Sriwong",
            "สมบูรณ์|Sombun|Somboon",
            "เพชรรัตน์|Phetcharat|Petcharat",
            "บุญเรือง|Bunrueang|Boonruang",
            "ทองคำ|Thongkham|Tongkham",
            "จันทร์เพ็ญ|Chanphen|Chanpen",
            "พรหมมา|Phromma|Promma",
            "รัตนพันธ์|Rattanaphan|Rattanapan");

    private ThaiNames() {}

    @Override
    public int givenCount(char sex) {
        return sex == 'F' ? FEMALE.length : MALE.length;
    }

    @Override
    public int familyCount() {
        return FAMILY.length;
    }

    @Override
    public int middle(char sex, SplittableRandom rng) {
        return -1;
    }

    @Override
    public boolean middleIsFathersName() {
        return false;
    }

    @Override
    public Spelling spell(Person p, boolean original, SplittableRandom rng) {
        String[] given = p.sex() == 'F' ? FEMALE[p.given()] : MALE[p.given()];
        String[] family = FAMILY[p.family()];
        if (original) {
            return new Spelling(given[0], null, family[0], "Thai", false, false);
        }
        return new Spelling(latin(given, rng), null, latin(family, rng), "Latn", false, false);
    }

    private static String latin(String[] forms, SplittableRandom rng) {
        return Dice.preferFirst(forms, 1, 0.45, rng);
    }
}
