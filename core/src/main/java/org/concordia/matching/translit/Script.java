package org.concordia.matching.translit;

import java.util.Locale;

/** The non-Latin scripts the cross-script model covers, by ISO 15924 code, with their data-set names. */
enum Script {
    ARAB("Arab", "arabic", 4, "5,1"),
    CYRL("Cyrl", "russian", 4, "5,1"),
    HANI("Hani", "chinese", 4, "5,1"),
    HEBR("Hebr", "hebrew", 4, "5,1"),
    HANG("Hang", "korean", 4, "5,1"),
    KANA("Kana", "katakana", 4, "5,1");

    /** ISO 15924 code. */
    final String code;
    /** The {@code <script>} of the data-set files {@code wd_<script>_64.tsv}. */
    final String dataset;
    /** The longest Latin substring one native segment may correspond to. */
    final int maxLatin;
    /** The context levels of the model, most specific first (see {@link ScriptModel#context}). */
    final String levels;

    Script(String code, String dataset, int maxLatin, String levels) {
        this.code = code;
        this.dataset = dataset;
        this.maxLatin = maxLatin;
        this.levels = levels;
    }

    /**
     * The script of an ISO 15924 code; also accepts the usual aliases ({@code Hans}, {@code Hant}, {@code Jpan},
     * {@code Hira}, {@code Kore}) and the data-set names.
     *
     * @throws IllegalArgumentException for a script the model does not cover
     */
    static Script of(String code) {
        String c = code.trim().toLowerCase(Locale.ROOT);
        return switch (c) {
            case "arab", "arabic" -> ARAB;
            case "cyrl", "russian" -> CYRL;
            case "hani", "hans", "hant", "chinese" -> HANI;
            case "hebr", "hebrew" -> HEBR;
            case "hang", "kore", "korean" -> HANG;
            case "kana", "hira", "jpan", "hrkt", "katakana" -> KANA;
            default -> throw new IllegalArgumentException("Script not covered by the cross-script model: " + code);
        };
    }
}
