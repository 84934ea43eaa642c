package org.concordia.generator;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Arabic names: the Arabic-script form first, then Latin transliterations as partners write them
 * (French-style in the Maghreb, English-style in the Gulf, with no agreed standard). Family names
 * with the article {@code ال} are written al-, Al, el-, joined (Alshammari), assimilated before a
 * "sun letter" (ash-Shammari) or without it.
 */
final class ArabicNames implements NameStyle {
    static final ArabicNames INSTANCE = new ArabicNames();

    private static final String[][] MALE = NameStyle.table(
            "محمد|Mohamed|Muhammad|Mohammed|Mohammad|Mohamad",
            "أحمد|Ahmed|Ahmad",
            "علي|Ali",
            "عمر|Omar|Umar",
            "يوسف|Youssef|Yusuf|Yousef|Youcef",
            "خالد|Khaled|Khalid",
            "حسن|Hassan|Hasan",
            "حسين|Hussein|Hussain|Husain|Houcine",
            "إبراهيم|Ibrahim|Brahim|Ebrahim",
            "عبد الله|Abdallah|Abdullah|Abd Allah|Abdellah",
            "عبد الرحمن|Abdulrahman|Abderrahmane|Abdel Rahman|Abd al-Rahman",
            "عبد العزيز|Abdulaziz|Abdelaziz|Abd al-Aziz",
            "مصطفى|Mustafa|Moustafa|Mostafa",
            "محمود|Mahmoud|Mahmud",
            "سعيد|Said|Saeed|Saïd",
            "طارق|Tarek|Tariq|Tarik",
            "ياسين|Yassine|Yasin|Yaseen",
            "كريم|Karim|Kareem",
            "سليمان|Suleiman|Sulaiman|Slimane",
            "فيصل|Faisal|Faysal|Fayçal",
            "ناصر|Nasser|Nasir|Naser",
            "حمزة|Hamza|Hamzah",
            "أمين|Amine|Amin",
            "عثمان|Othman|Osman|Uthman",
            "بلال|Bilal|Belal",
            "رشيد|Rachid|Rashid|Rasheed");

    private static final String[][] FEMALE = NameStyle.table(
            "فاطمة|Fatima|Fatma|Fatimah|Fatema",
            "عائشة|Aicha|Aisha|Aysha",
            "مريم|Meriem|Maryam|Mariam",
            "خديجة|Khadija|Khadidja|Khadijah",
            "زينب|Zainab|Zeinab|Zaynab",
            "نور|Nour|Noor|Nur",
            "ليلى|Leila|Layla|Laila",
            "سارة|Sara|Sarah",
            "أمينة|Amina|Aminah",
            "هدى|Houda|Huda|Hoda",
            "سلمى|Salma|Selma",
            "رانيا|Rania|Ranya",
            "نادية|Nadia|Nadiya",
            "ياسمين|Yasmine|Yasmin|Jasmin");

    // Family names written with the article in Arabic carry their Latin forms without it: the
    // article is added per record (see article()).
    private static final String[][] FAMILY = NameStyle.table(
            "الشمري|Shammari|Shammary|Shamri",
            "العتيبي|Otaibi|Utaybi|Oteibi",
            "القحطاني|Qahtani|Kahtani|Gahtani",
            "الحربي|Harbi",
            "الغامدي|Ghamdi",
            "الزهراني|Zahrani",
            "الدوسري|Dosari|Dossari|Dawsari",
            "المصري|Masri|Masry",
            "التميمي|Tamimi|Tamimy",
            "الهاشمي|Hashimi|Hachemi|Hashemi",
            "الكعبي|Kaabi|Kaebi",
            "النعيمي|Nuaimi|Naimi|Nuaimy",
            "البلوشي|Balushi|Balooshi|Baloushi",
            "المنصوري|Mansouri|Mansoori",
            "الجبوري|Jubouri|Jabouri|Juburi",
            "السيد|Sayed|Sayyid|Said",
            "الأحمد|Ahmad|Ahmed",
            "حداد|Haddad",
            "خليل|Khalil",
            "منصور|Mansour|Mansur",
            "عبد الله|Abdallah|Abdullah|Abd Allah|Abdellah",
            "بن علي|Ben Ali|Bin Ali|Benali",
            "بن سالم|Ben Salem|Bin Salem|Bensalem",
            "عثمان|Othman|Osman",
            "بوزيد|Bouzid",
            "حسين|Hussein|Hussain",
            "سليمان|Suleiman|Sulaiman|Slimane");

    private ArabicNames() {}

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
        return Dice.chance(rng, 0.75) ? rng.nextInt(MALE.length) : -1;
    }

    @Override
    public boolean middleIsFathersName() {
        return true;
    }

    @Override
    public Spelling spell(Person p, boolean original, SplittableRandom rng) {
        String[] given = p.sex() == 'F' ? FEMALE[p.given()] : MALE[p.given()];
        String[] middle = p.middle() < 0 || Dice.chance(rng, 0.3) ? null : MALE[p.middle()];
        String[] family = FAMILY[p.family()];
        // "bin"/"bint" (son/daughter of) before the father's name, as Gulf records often write it
        boolean nasab = middle != null && Dice.chance(rng, 0.15);
        if (original) {
            String m = middle == null ? null : (nasab ? (p.sex() == 'F' ? "بنت " : "بن ") : "") + middle[0];
            Spelling s = new Spelling(given[0], m, family[0], "Arab", false, false);
            // Hamza seats, ta marbuta and alif maqsura are often left out or confused when typing
            return Dice.chance(rng, 0.25)
                    ? new Spelling(plain(s.given()), plain(s.middle()), plain(s.family()), "Arab", false, false)
                    : s;
        }
        String g = latin(given, rng);
        String m = null;
        if (middle != null) {
            m = latin(middle, rng);
            if (nasab) {
                m = (p.sex() == 'F' ? "bint " : Dice.chance(rng, 0.3) ? "ben " : "bin ") + m;
            }
        }
        String f = latin(family, rng);
        if (family[0].startsWith("ال")) {
            f = article(f, rng);
        }
        return new Spelling(g, m, f, "Latn", false, false);
    }

    private static String latin(String[] forms, SplittableRandom rng) {
        return Dice.preferFirst(forms, 1, 0.45, rng);
    }

    private static String article(String name, SplittableRandom rng) {
        double r = rng.nextDouble();
        if (r < 0.30) {
            return "al-" + name;
        } else if (r < 0.42) {
            return "Al " + name;
        } else if (r < 0.50) {
            return "Al-" + name;
        } else if (r < 0.60) {
            return "el-" + name;
        } else if (r < 0.65) {
            return "El " + name;
        } else if (r < 0.75) {
            return (Dice.chance(rng, 0.8) ? "Al" : "El") + name.toLowerCase(Locale.ROOT);
        } else if (r < 0.82) {
            String sun = sunLetter(name);
            return sun == null ? "al-" + name : "a" + sun + "-" + name;
        }
        return name;
    }

    /** The consonant the article assimilates to (al-Shammari read ash-Shammari), or null. */
    private static String sunLetter(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String digraph : new String[] {"sh", "th", "dh"}) {
            if (lower.startsWith(digraph)) {
                return digraph;
            }
        }
        char c = lower.charAt(0);
        return "tdrzsnl".indexOf(c) >= 0 ? String.valueOf(c) : null;
    }

    private static String plain(String arabic) {
        if (arabic == null) {
            return null;
        }
        return arabic.replace('أ', 'ا')
                .replace('إ', 'ا')
                .replace('آ', 'ا')
                .replace('ة', 'ه')
                .replace('ى', 'ي');
    }
}
