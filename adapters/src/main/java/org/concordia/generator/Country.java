package org.concordia.generator;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A country as the generator writes it: the codes and names partners use for it, the shape of its
 * document numbers and some cities (each with its spellings, the local script among them).
 *
 * @param icao the ICAO Doc 9303 Part 3 code; differs from alpha-3 for Germany ({@code D})
 * @param passport the shape of a passport number: {@code L} a letter, {@code #} a digit, {@code *}
 *     a letter or digit, anything else as written (separators included)
 * @param nationalId the shape of a national identity number, a computed kind ({@code @CHN}...), or
 *     null when the generator gives this country's people none
 * @param cities for each city its spellings, the most common first
 */
record Country(
        String alpha3,
        String alpha2,
        String icao,
        String english,
        String french,
        String spanish,
        String passport,
        String nationalId,
        List<List<String>> cities) {

    // One country a row: alpha-3 | alpha-2 | ICAO | English | French | Spanish | passport shape |
    // national id shape or - | cities separated by ; with their spellings separated by /.
    // Codes from ISO 3166-1; names as CLDR gives them (English "Turkey" and "Czechia" are the forms
    // police records still use most).
    private static final String[] ROWS = {
        "SAU|SA|SAU|Saudi Arabia|Arabie saoudite|Arabia Saudí|L#######|1#########|Riyadh/الرياض/Ar Riyad;"
                + "Jeddah/جدة/Jiddah;Dammam/الدمام",
        "ARE|AE|ARE|United Arab Emirates|Émirats arabes unis|Emiratos Árabes Unidos|L########|@ARE|Dubai/دبي;"
                + "Abu Dhabi/أبو ظبي;Sharjah/الشارقة",
        "EGY|EG|EGY|Egypt|Égypte|Egipto|L########|##############|Cairo/القاهرة/Le Caire;"
                + "Alexandria/الإسكندرية/Alexandrie",
        "MAR|MA|MAR|Morocco|Maroc|Marruecos|LL#######|LL######|Casablanca/الدار البيضاء;Rabat/الرباط;Fès/Fez/فاس",
        "DZA|DZ|DZA|Algeria|Algérie|Argelia|#########|-|Alger/Algiers/الجزائر;Oran/وهران",
        "TUN|TN|TUN|Tunisia|Tunisie|Túnez|L######|########|Tunis/تونس;Sfax/صفاقس",
        "JOR|JO|JOR|Jordan|Jordanie|Jordania|L#######|-|Amman/عمان",
        "IRQ|IQ|IRQ|Iraq|Irak|Irak|L########|-|Baghdad/بغداد;Mosul/الموصل;Basra/البصرة",
        "SYR|SY|SYR|Syria|Syrie|Siria|#########|-|Damascus/دمشق/Damas;Aleppo/حلب/Alep",
        "LBN|LB|LBN|Lebanon|Liban|Líbano|L#######|-|Beirut/بيروت/Beyrouth",
        "QAT|QA|QAT|Qatar|Qatar|Catar|L#######|-|Doha/الدوحة",
        "KWT|KW|KWT|Kuwait|Koweït|Kuwait|L########|-|Kuwait City/مدينة الكويت",
        "OMN|OM|OMN|Oman|Oman|Omán|########|-|Muscat/مسقط/Mascate",
        "YEM|YE|YEM|Yemen|Yémen|Yemen|########|-|Sanaa/صنعاء/Sana'a;Aden/عدن",
        "SDN|SD|SDN|Sudan|Soudan|Sudán|L########|-|Khartoum/الخرطوم/Jartum",
        "LBY|LY|LBY|Libya|Libye|Libia|L######|-|Tripoli/طرابلس;Benghazi/بنغازي",
        "RUS|RU|RUS|Russia|Russie|Rusia|## #######|## ## ######|Moscow/Москва/Moskva/Moscou;"
                + "Saint Petersburg/Санкт-Петербург/Sankt-Peterburg;Novosibirsk/Новосибирск;"
                + "Yekaterinburg/Екатеринбург/Ekaterinburg",
        "BLR|BY|BLR|Belarus|Biélorussie|Bielorrusia|LL#######|-|Minsk/Минск",
        "KAZ|KZ|KAZ|Kazakhstan|Kazakhstan|Kazajistán|N########|-|Almaty/Алматы",
        "UKR|UA|UKR|Ukraine|Ukraine|Ucrania|LL######|#########|Kyiv/Київ/Kiev/Киев;Kharkiv/Харків/Kharkov;"
                + "Odesa/Одеса/Odessa;Lviv/Львів/Lvov",
        "CHN|CN|CHN|China|Chine|China|E########|@CHN|Beijing/北京/Peking;Shanghai/上海;Guangzhou/广州/Canton;"
                + "Chengdu/成都;Wuhan/武汉",
        "SGP|SG|SGP|Singapore|Singapour|Singapur|E#######L|-|Singapore/新加坡",
        "MYS|MY|MYS|Malaysia|Malaisie|Malasia|A########|-|Kuala Lumpur/吉隆坡;Penang/槟城/George Town",
        "THA|TH|THA|Thailand|Thaïlande|Tailandia|LL#######|@THA|Bangkok/กรุงเทพมหานคร/Krung Thep;"
                + "Chiang Mai/เชียงใหม่;Khon Kaen/ขอนแก่น",
        "DEU|DE|D|Germany|Allemagne|Alemania|C********|L********|Berlin;München/Munich/Muenchen;Hamburg;"
                + "Köln/Cologne/Koeln",
        "POL|PL|POL|Poland|Pologne|Polonia|LL#######|LLL######|Warszawa/Warsaw/Varsovie;Kraków/Krakow/Cracow;"
                + "Łódź/Lodz",
        "FRA|FR|FRA|France|France|Francia|##LL#####|############|Paris;Lyon;Marseille",
        "NOR|NO|NOR|Norway|Norvège|Noruega|LL######|-|Oslo;Bergen;Trondheim",
        "DNK|DK|DNK|Denmark|Danemark|Dinamarca|#########|-|København/Copenhagen;Aarhus/Århus",
        "SWE|SE|SWE|Sweden|Suède|Suecia|########|-|Stockholm;Göteborg/Gothenburg",
        "CZE|CZ|CZE|Czechia|Tchéquie|Chequia|########|-|Praha/Prague/Prag;Brno",
        "HUN|HU|HUN|Hungary|Hongrie|Hungría|LL#######|-|Budapest;Debrecen",
        "ITA|IT|ITA|Italy|Italie|Italia|LL#######|CA#####LL|Roma/Rome;Napoli/Naples;Milano/Milan",
        "NLD|NL|NLD|Netherlands|Pays-Bas|Países Bajos|LL******#|-|Amsterdam;Rotterdam",
        "TUR|TR|TUR|Turkey|Turquie|Turquía|U########|-|İstanbul/Istanbul;Ankara;İzmir/Izmir",
        "IRL|IE|IRL|Ireland|Irlande|Irlanda|LL#######|-|Dublin;Cork",
        "ESP|ES|ESP|Spain|Espagne|España|LLL######|@ESP|Madrid;Barcelona;Sevilla/Seville",
        "PRT|PT|PRT|Portugal|Portugal|Portugal|L######|-|Lisboa/Lisbon/Lisbonne;Porto",
        "BRA|BR|BRA|Brazil|Brésil|Brasil|LL######|@BRA|São Paulo/Sao Paulo;Rio de Janeiro;Salvador",
        "MEX|MX|MEX|Mexico|Mexique|México|L########|-|Ciudad de México/Mexico City/Mexico;Guadalajara",
        "COL|CO|COL|Colombia|Colombie|Colombia|LL######|-|Bogotá/Bogota;Medellín/Medellin",
        "ARG|AR|ARG|Argentina|Argentine|Argentina|LLL######|-|Buenos Aires;Córdoba/Cordoba",
        "PER|PE|PER|Peru|Pérou|Perú|#########|-|Lima;Arequipa",
        "GBR|GB|GBR|United Kingdom|Royaume-Uni|Reino Unido|#########|-|London;Manchester",
        "USA|US|USA|United States|États-Unis|Estados Unidos|#########|-|New York;Chicago",
        "CAN|CA|CAN|Canada|Canada|Canadá|LL######|-|Toronto;Montréal/Montreal",
        "AUS|AU|AUS|Australia|Australie|Australia|L#######|-|Sydney;Melbourne",
        "AUT|AT|AUT|Austria|Autriche|Austria|L#######|-|Wien/Vienna/Vienne",
        "BEL|BE|BEL|Belgium|Belgique|Bélgica|LL######|-|Bruxelles/Brussels/Brussel",
        "CHE|CH|CHE|Switzerland|Suisse|Suiza|L#######|-|Zürich/Zurich;Genève/Geneva",
    };

    private static final Map<String, Country> BY_ALPHA3 = build();

    /** The country with this alpha-3 code; fails for a code the generator has no data for (a bug). */
    static Country of(String alpha3) {
        Country c = BY_ALPHA3.get(alpha3);
        if (c == null) {
            throw new IllegalArgumentException("no generator data for country " + alpha3);
        }
        return c;
    }

    /** Every country of the table, in table order. */
    static List<Country> all() {
        return Arrays.stream(ROWS).map(r -> of(r.substring(0, 3))).toList();
    }

    private static Map<String, Country> build() {
        Map<String, Country> m = new HashMap<>();
        for (String row : ROWS) {
            String[] r = row.split("\\|");
            List<List<String>> cities = Arrays.stream(r[8].split(";"))
                    .map(c -> List.of(c.split("/")))
                    .toList();
            String id = r[7].equals("-") ? null : r[7];
            m.put(r[0], new Country(r[0], r[1], r[2], r[3], r[4], r[5], r[6], id, cities));
        }
        return m;
    }
}
