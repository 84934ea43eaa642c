package org.concordia.normalize;

import com.ibm.icu.text.Transliterator;
import com.ibm.icu.util.ULocale;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.concordia.model.CountryRef;

/**
 * Recognises countries written as ISO 3166-1 alpha-2 or alpha-3 codes, ICAO Doc 9303 Part 3 codes
 * ({@code D} for Germany, {@code XXA} stateless...) or English, French or Spanish names (CLDR names
 * through ICU, plus common historical and short forms), and gives the alpha-3 code.
 *
 * <p>Thread-safe; the table is built once.
 */
public final class Countries {
    /** ICAO Doc 9303 Part 3 codes that are not ISO 3166-1 alpha-3 codes, kept as they are. */
    private static final Set<String> ICAO_ONLY = Set.of(
            "EUE", "GBD", "GBN", "GBO", "GBP", "GBS", "RKS", "UNA", "UNK", "UNO", "XBA", "XCC", "XCE", "XCO", "XEC",
            "XES", "XIM", "XMP", "XOM", "XPO", "XXA", "XXB", "XXC", "XXX", "XKX");

    private static final ThreadLocal<Transliterator> FOLD =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));

    private static final Map<String, String> BY_KEY = build();

    /** Values as sources write them repeat endlessly; folding them through ICU each time is the cost. */
    private static final int CACHE_LIMIT = 100_000;

    private static final java.util.concurrent.ConcurrentHashMap<String, Optional<String>> CACHE =
            new java.util.concurrent.ConcurrentHashMap<>();

    private Countries() {}

    /** The country for {@code given}; unknown values are kept with a null code. */
    public static CountryRef resolve(String given) {
        return new CountryRef(given, alpha3(given).orElse(null));
    }

    /** The alpha-3 (or ICAO) code for a code or a name, if recognised. */
    public static Optional<String> alpha3(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Optional<String> cached = CACHE.get(text);
        if (cached == null) {
            cached = Optional.ofNullable(BY_KEY.get(key(text)));
            if (CACHE.size() >= CACHE_LIMIT) {
                CACHE.clear();
            }
            CACHE.put(text, cached);
        }
        return cached;
    }

    /** The English name of a recognised code, for display. */
    public static Optional<String> englishName(String alpha3) {
        for (String a2 : Locale.getISOCountries()) {
            if (Locale.of("", a2).getISO3Country().equals(alpha3)) {
                return Optional.of(new ULocale("", a2).getDisplayCountry(ULocale.ENGLISH));
            }
        }
        return Optional.empty();
    }

    private static String key(String text) {
        String folded =
                FOLD.get().transliterate(text.strip()).toUpperCase(Locale.ROOT).replace("&", " AND ");
        StringBuilder sb = new StringBuilder(folded.length());
        boolean space = false;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                if (space && sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(c);
                space = false;
            } else if (c != '\'' && c != '’') {
                space = true;
            }
        }
        String k = sb.toString();
        if (k.startsWith("THE ")) {
            k = k.substring(4);
        }
        if (k.startsWith("ST ")) {
            k = "SAINT " + k.substring(3);
        }
        return k;
    }

    private static Map<String, String> build() {
        Map<String, String> m = new HashMap<>();
        ULocale[] languages = {ULocale.ENGLISH, ULocale.FRENCH, new ULocale("es")};
        for (String a2 : Locale.getISOCountries()) {
            String a3 = Locale.of("", a2).getISO3Country();
            if (a3.isEmpty()) {
                continue;
            }
            m.put(a2, a3);
            m.put(a3, a3);
            for (ULocale lang : languages) {
                String name = new ULocale("", a2).getDisplayCountry(lang);
                m.putIfAbsent(key(name), a3);
                // CLDR qualifies some names: "Myanmar (Burma)", "Hong Kong SAR China"; the plain form is common too.
                m.putIfAbsent(key(name.replaceAll("\\s*\\(.*\\)", "")), a3);
            }
        }
        for (String icao : ICAO_ONLY) {
            m.put(icao, icao);
        }
        String[][] aliases = {
            {"D", "DEU"},
            {"UK", "GBR"},
            {"EL", "GRC"},
            {"XK", "XKX"},
            {"KOSOVO", "XKX"},
            {"GREAT BRITAIN", "GBR"},
            {"ENGLAND", "GBR"},
            {"SCOTLAND", "GBR"},
            {"WALES", "GBR"},
            {"NORTHERN IRELAND", "GBR"},
            {"UNITED KINGDOM OF GREAT BRITAIN AND NORTHERN IRELAND", "GBR"},
            {"UNITED STATES OF AMERICA", "USA"},
            {"AMERICA", "USA"},
            {"US", "USA"},
            {"RUSSIAN FEDERATION", "RUS"},
            {"IRAN ISLAMIC REPUBLIC OF", "IRN"},
            {"SYRIAN ARAB REPUBLIC", "SYR"},
            {"TURKEY", "TUR"},
            {"TURQUIE", "TUR"},
            {"TURQUIA", "TUR"},
            {"SOUTH KOREA", "KOR"},
            {"KOREA REPUBLIC OF", "KOR"},
            {"REPUBLIC OF KOREA", "KOR"},
            {"NORTH KOREA", "PRK"},
            {"DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA", "PRK"},
            {"VIET NAM", "VNM"},
            {"LAO PEOPLE'S DEMOCRATIC REPUBLIC", "LAO"},
            {"BOLIVIA PLURINATIONAL STATE OF", "BOL"},
            {"VENEZUELA BOLIVARIAN REPUBLIC OF", "VEN"},
            {"TANZANIA UNITED REPUBLIC OF", "TZA"},
            {"CZECH REPUBLIC", "CZE"},
            {"IVORY COAST", "CIV"},
            {"CAPE VERDE", "CPV"},
            {"SWAZILAND", "SWZ"},
            {"MACEDONIA", "MKD"},
            {"REPUBLIC OF MACEDONIA", "MKD"},
            {"BURMA", "MMR"},
            {"HOLLAND", "NLD"},
            {"VATICAN", "VAT"},
            {"HOLY SEE", "VAT"},
            {"EAST TIMOR", "TLS"},
            {"DEMOCRATIC REPUBLIC OF THE CONGO", "COD"},
            {"DR CONGO", "COD"},
            {"DRC", "COD"},
            {"REPUBLIC OF THE CONGO", "COG"},
            {"CONGO BRAZZAVILLE", "COG"},
            {"CONGO KINSHASA", "COD"},
            {"PALESTINE", "PSE"},
            {"STATE OF PALESTINE", "PSE"},
            {"MOLDOVA REPUBLIC OF", "MDA"},
            {"MICRONESIA", "FSM"},
            {"BRUNEI DARUSSALAM", "BRN"},
            {"CHINA, PEOPLE'S REPUBLIC OF", "CHN"},
            {"PEOPLE'S REPUBLIC OF CHINA", "CHN"},
            {"PRC", "CHN"},
            {"UAE", "ARE"},
            {"MYANMAR", "MMR"},
            {"SAINT LUCIA", "LCA"},
            {"SAINT KITTS AND NEVIS", "KNA"},
            {"SAINT VINCENT AND THE GRENADINES", "VCT"},
            {"HONG KONG", "HKG"},
            {"MACAO", "MAC"},
            {"MACAU", "MAC"},
            {"MICRONESIA (FEDERATED STATES OF)", "FSM"},
            {"PALESTINE, STATE OF", "PSE"},
            {"ESTADOS UNIDOS DE AMERICA", "USA"},
            {"ETATS-UNIS D'AMERIQUE", "USA"},
            {"KSA", "SAU"},
            {"STATELESS", "XXA"},
            {"REFUGEE", "XXB"},
            {"UNKNOWN", "XXX"}
        };
        for (String[] a : aliases) {
            m.put(key(a[0]), a[1]);
        }
        return Map.copyOf(m);
    }
}
