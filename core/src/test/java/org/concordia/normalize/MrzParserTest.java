package org.concordia.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.concordia.model.Mrz;
import org.concordia.model.PartialDate;
import org.concordia.model.Sex;
import org.concordia.normalize.MrzParser.Result;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Sources: ICAO Doc 9303 Machine Readable Travel Documents, 8th edition 2021: Part 3 section 4.9
 * (check digits: weights 7, 3, 1; 0–9 as themselves, A–Z as 10–35, filler {@code <} as 0; worked
 * example 520727 → 3); Part 4 (TD3 MRP) specimen of Anna Maria Eriksson, Utopia; Part 5 (TD1) and
 * Part 6 (TD2) specimens; Part 5 and Part 6 section 4.2.4 note on document numbers of more than nine
 * characters.
 */
class MrzParserTest {

    // Doc 9303 Part 4, specimen TD3 MRP.
    static final String TD3_1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
    static final String TD3_2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";

    // Doc 9303 Part 5, specimen TD1.
    static final String TD1_1 = "I<UTOD231458907<<<<<<<<<<<<<<<";
    static final String TD1_2 = "7408122F1204159UTO<<<<<<<<<<<6";
    static final String TD1_3 = "ERIKSSON<<ANNA<MARIA<<<<<<<<<<";

    // Doc 9303 Part 6, specimen TD2.
    static final String TD2_1 = "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<";
    static final String TD2_2 = "D231458907UTO7408122F1204159<<<<<<<6";

    private static Mrz parsed(Result r) {
        assertThat(r).isInstanceOf(Result.Parsed.class);
        return ((Result.Parsed) r).mrz();
    }

    private static Result.Invalid invalid(Result r) {
        assertThat(r).isInstanceOf(Result.Invalid.class);
        return (Result.Invalid) r;
    }

    private static String cd(String field) {
        return String.valueOf(MrzParser.checkDigit(field));
    }

    private static String fill(String s, int length) {
        return s + "<".repeat(length - s.length());
    }

    private static void assertIsAnnaMariaEriksson(Mrz mrz) {
        assertThat(mrz.issuingState()).isEqualTo("UTO");
        assertThat(mrz.surname()).isEqualTo("ERIKSSON");
        assertThat(mrz.givenNames()).isEqualTo("ANNA MARIA");
        assertThat(mrz.nationality()).isEqualTo("UTO");
        assertThat(mrz.birthDate()).isEqualTo(new PartialDate(1974, 8, 12));
        assertThat(mrz.sex()).isEqualTo(Sex.F);
        assertThat(mrz.expiryDate()).isEqualTo(new PartialDate(2012, 4, 15));
    }

    @Nested
    class CheckDigit {

        // Part 3, 4.9 worked example: 5·7 + 2·3 + 0·1 + 7·7 + 2·3 + 7·1 = 103 → 3.
        @Test
        void workedExampleOfPart3Gives3() {
            assertThat(MrzParser.checkDigit("520727")).isEqualTo(3);
        }

        // The digits printed in the specimens of Parts 4, 5 and 6, and D23145890734 (13·7 + 2·3 + 3·1 +
        // 1·7 + 4·3 + 5·1 + 8·7 + 9·3 + 0·1 + 7·7 + 3·3 + 4·1 = 269 → 9), worked by hand.
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
            "L898902C3, 6",
            "740812, 2",
            "120415, 9",
            "ZE184226B<<<<<, 1",
            "L898902C3674081221204159ZE184226B<<<<<1, 0",
            "D23145890, 7",
            "D23145890734, 9",
            "<<<<<<, 0",
            "'', 0"
        })
        void checkDigitFollowsTheWeights731(String field, int digit) {
            assertThat(MrzParser.checkDigit(field)).isEqualTo(digit);
        }

        @Test
        void letterCountsAsTenToThirtyFiveAndFillerAsZero() {
            assertThat(MrzParser.checkDigit("A")).isEqualTo(10 * 7 % 10);
            assertThat(MrzParser.checkDigit("<B")).isEqualTo(11 * 3 % 10);
            assertThat(MrzParser.checkDigit("<<Z")).isEqualTo(35 % 10);
        }
    }

    @Nested
    class Specimens {

        @Test
        void td3SpecimenOfPart4Parses() {
            Mrz mrz = parsed(MrzParser.parse(List.of(TD3_1, TD3_2)));
            assertThat(mrz.format()).isEqualTo("TD3");
            assertThat(mrz.documentCode()).isEqualTo("P");
            assertThat(mrz.documentNumber()).isEqualTo("L898902C3");
            assertIsAnnaMariaEriksson(mrz);
            assertThat(mrz.lines()).containsExactly(TD3_1, TD3_2);
        }

        @Test
        void td1SpecimenOfPart5Parses() {
            Mrz mrz = parsed(MrzParser.parse(List.of(TD1_1, TD1_2, TD1_3)));
            assertThat(mrz.format()).isEqualTo("TD1");
            assertThat(mrz.documentCode()).isEqualTo("I");
            assertThat(mrz.documentNumber()).isEqualTo("D23145890");
            assertIsAnnaMariaEriksson(mrz);
        }

        @Test
        void td2SpecimenOfPart6Parses() {
            Mrz mrz = parsed(MrzParser.parse(List.of(TD2_1, TD2_2)));
            assertThat(mrz.format()).isEqualTo("TD2");
            assertThat(mrz.documentCode()).isEqualTo("I");
            assertThat(mrz.documentNumber()).isEqualTo("D23145890");
            assertIsAnnaMariaEriksson(mrz);
        }

        // docs/exchange-model.md: "as one string with the lines separated by line breaks or spaces".
        @Test
        void zoneAsOneTextIsSplitOnLineBreaksOrSpaces() {
            assertThat(parsed(MrzParser.parse(TD3_1 + "\n" + TD3_2)).documentNumber())
                    .isEqualTo("L898902C3");
            assertThat(parsed(MrzParser.parse(TD3_1 + "\r\n" + TD3_2 + "\n")).documentNumber())
                    .isEqualTo("L898902C3");
            assertThat(parsed(MrzParser.parse("  " + TD1_1 + " " + TD1_2 + " " + TD1_3 + "  "))
                            .format())
                    .isEqualTo("TD1");
        }

        // docs/exchange-model.md: the decoder reads "an MRZ in lower case".
        @Test
        void zoneInLowerCaseIsRead() {
            Mrz mrz = parsed(MrzParser.parse(List.of(TD3_1.toLowerCase(), TD3_2.toLowerCase())));
            assertThat(mrz.surname()).isEqualTo("ERIKSSON");
            assertThat(mrz.documentNumber()).isEqualTo("L898902C3");
        }

        @Test
        void blankLinesAreIgnored() {
            assertThat(MrzParser.parse(List.of("", TD2_1, "   ", TD2_2))).isInstanceOf(Result.Parsed.class);
        }
    }

    @Nested
    class CheckDigitProtection {

        // Field of each position of the TD3 lower line (Part 4, 4.2.2): the field whose check digit
        // covers it; nationality (11–13) and sex (21) have none.
        private static String fieldAt(int i) {
            if (i <= 9) {
                return "document_number";
            }
            if (i >= 13 && i <= 19) {
                return "birth_date";
            }
            if (i >= 21 && i <= 27) {
                return "expiry_date";
            }
            if (i >= 28 && i <= 42) {
                return "optional_data";
            }
            if (i == 43) {
                return "composite";
            }
            return null;
        }

        // With weights 7, 3, 1 and modulus 10, any change of one digit (or of a filler to a digit) by 1–9
        // changes the weighted sum by a non-multiple of 10, so the field's own check digit must fail.
        // (Letter changes by a multiple of 10 — L (21) for 1 — are invisible to the scheme and not tried.)
        @Test
        void changingAnyDigitOfAProtectedFieldIsACheckDigitError() {
            int tried = 0;
            for (int i = 0; i < TD3_2.length(); i++) {
                String field = fieldAt(i);
                char original = TD3_2.charAt(i);
                if (field == null || !(Character.isDigit(original) || original == '<')) {
                    continue;
                }
                for (char d = '0'; d <= '9'; d++) {
                    if (d == original || (original == '<' && d == '0')) {
                        continue; // the same value: the filler counts as 0
                    }
                    String changed = TD3_2.substring(0, i) + d + TD3_2.substring(i + 1);
                    Result r = MrzParser.parse(List.of(TD3_1, changed));
                    assertThat(r)
                            .as("position %d changed from %s to %s", i + 1, original, d)
                            .isEqualTo(new Result.Invalid(true, field));
                    tried++;
                }
            }
            assertThat(tried).isGreaterThan(250);
        }

        @Test
        void changingADigitOfTheTd1SpecimenIsACheckDigitError() {
            String l1 = TD1_1.replace("D23145890", "D23145891");
            assertThat(MrzParser.parse(List.of(l1, TD1_2, TD1_3)))
                    .isEqualTo(new Result.Invalid(true, "document_number"));
            String l2 = "7408132" + TD1_2.substring(7);
            assertThat(MrzParser.parse(List.of(TD1_1, l2, TD1_3))).isEqualTo(new Result.Invalid(true, "birth_date"));
            String composite = TD1_2.substring(0, 29) + "7";
            assertThat(MrzParser.parse(List.of(TD1_1, composite, TD1_3)))
                    .isEqualTo(new Result.Invalid(true, "composite"));
        }

        @Test
        void changingADigitOfTheTd2SpecimenIsACheckDigitError() {
            String l2 = TD2_2.substring(0, 21) + "1204169" + TD2_2.substring(28);
            assertThat(MrzParser.parse(List.of(TD2_1, l2))).isEqualTo(new Result.Invalid(true, "expiry_date"));
        }

        // Nationality and sex are not covered by any check digit (Part 4, 4.2.2).
        @Test
        void nationalityAndSexAreNotProtected() {
            String l2 = TD3_2.substring(0, 10) + "D<<" + TD3_2.substring(13, 20) + "M" + TD3_2.substring(21);
            Mrz mrz = parsed(MrzParser.parse(List.of(TD3_1, l2)));
            assertThat(mrz.nationality()).isEqualTo("D");
            assertThat(mrz.sex()).isEqualTo(Sex.M);
        }

        @Test
        void invalidZoneNamesTheFieldNeverItsValue() {
            String changed = TD3_2.replace("L898902C3", "L898902C4");
            Result.Invalid r = invalid(MrzParser.parse(List.of(TD3_1, changed)));
            assertThat(r.checkDigit()).isTrue();
            assertThat(r.field()).isEqualTo("document_number").doesNotContain("L898902");
        }
    }

    @Nested
    class LongDocumentNumber {

        // Part 5 / Part 6, 4.2.4: more than nine characters: the first nine in the number field, a
        // filler in place of its check digit, the rest at the start of the optional data, followed by
        // the check digit of the whole number and a filler.
        private static final String NUMBER = "D23145890734";

        @Test
        void td1LongNumberIsReadWhole() {
            String l1 = fill("I<UTO" + NUMBER.substring(0, 9) + "<" + NUMBER.substring(9) + cd(NUMBER), 30);
            String l2Start = "740812" + cd("740812") + "F" + "120415" + cd("120415") + "UTO" + "<".repeat(11);
            String composite = l1.substring(5, 30)
                    + l2Start.substring(0, 7)
                    + l2Start.substring(8, 15)
                    + l2Start.substring(18, 29);
            String l2 = l2Start + cd(composite);
            assertThat(l1).isEqualTo("I<UTOD23145890<7349<<<<<<<<<<<");

            Mrz mrz = parsed(MrzParser.parse(List.of(l1, l2, TD1_3)));
            assertThat(mrz.documentNumber()).isEqualTo(NUMBER);
            assertIsAnnaMariaEriksson(mrz);
        }

        @Test
        void td2LongNumberIsReadWhole() {
            String l2Start = NUMBER.substring(0, 9) + "<" + "UTO" + "740812" + cd("740812") + "F" + "120415"
                    + cd("120415") + fill(NUMBER.substring(9) + cd(NUMBER), 7);
            String composite = l2Start.substring(0, 10) + l2Start.substring(13, 20) + l2Start.substring(21, 35);
            String l2 = l2Start + cd(composite);

            Mrz mrz = parsed(MrzParser.parse(List.of(TD2_1, l2)));
            assertThat(mrz.documentNumber()).isEqualTo(NUMBER);
            assertIsAnnaMariaEriksson(mrz);
        }

        // MrzParser documents the same reading for TD3 (optional data with its own check digit).
        @Test
        void td3LongNumberIsReadWhole() {
            String optional = fill(NUMBER.substring(9) + cd(NUMBER), 14);
            String l2Start = NUMBER.substring(0, 9) + "<" + "UTO" + "740812" + cd("740812") + "F" + "120415"
                    + cd("120415") + optional + cd(optional);
            String composite = l2Start.substring(0, 10) + l2Start.substring(13, 20) + l2Start.substring(21, 43);
            String l2 = l2Start + cd(composite);

            Mrz mrz = parsed(MrzParser.parse(List.of(TD3_1, l2)));
            assertThat(mrz.documentNumber()).isEqualTo(NUMBER);
        }

        @Test
        void longNumberWithAWrongCheckDigitIsACheckDigitError() {
            char wrong = (char) ('0' + (MrzParser.checkDigit(NUMBER) + 1) % 10);
            String l1 = fill("I<UTO" + NUMBER.substring(0, 9) + "<" + NUMBER.substring(9) + wrong, 30);
            String l2Start = "740812" + cd("740812") + "F" + "120415" + cd("120415") + "UTO" + "<".repeat(11);
            String composite = l1.substring(5, 30)
                    + l2Start.substring(0, 7)
                    + l2Start.substring(8, 15)
                    + l2Start.substring(18, 29);
            String l2 = l2Start + cd(composite);
            assertThat(MrzParser.parse(List.of(l1, l2, TD1_3))).isEqualTo(new Result.Invalid(true, "document_number"));
        }

        // The check digit of a long number covers the whole number, not only its first nine characters.
        @Test
        void longNumberCheckedOnItsFirstNineCharactersOnlyIsRefused() {
            String l1 =
                    fill("I<UTO" + NUMBER.substring(0, 9) + "<" + NUMBER.substring(9) + cd(NUMBER.substring(0, 9)), 30);
            assertThat(MrzParser.checkDigit(NUMBER.substring(0, 9))).isNotEqualTo(MrzParser.checkDigit(NUMBER));
            String l2Start = "740812" + cd("740812") + "F" + "120415" + cd("120415") + "UTO" + "<".repeat(11);
            String composite = l1.substring(5, 30)
                    + l2Start.substring(0, 7)
                    + l2Start.substring(8, 15)
                    + l2Start.substring(18, 29);
            assertThat(MrzParser.parse(List.of(l1, l2Start + cd(composite), TD1_3)))
                    .isEqualTo(new Result.Invalid(true, "document_number"));
        }
    }

    @Nested
    class Dates {

        // Part 3: a date of birth not known in full is written with fillers; the year alone stays partial.
        @Test
        void birthDateKnownToTheYearStaysPartial() {
            String l2Start = "74<<<<" + cd("74<<<<") + "F" + "120415" + cd("120415") + "UTO" + "<".repeat(11);
            String composite = TD1_1.substring(5, 30)
                    + l2Start.substring(0, 7)
                    + l2Start.substring(8, 15)
                    + l2Start.substring(18, 29);
            Mrz mrz = parsed(MrzParser.parse(List.of(TD1_1, l2Start + cd(composite), TD1_3)));
            assertThat(mrz.birthDate()).isEqualTo(new PartialDate(1974, 0, 0));
        }

        @Test
        void expiryYearsFrom70AreReadAsThe1900s() {
            String l2Start = "740812" + cd("740812") + "F" + "991231" + cd("991231") + "UTO" + "<".repeat(11);
            String composite = TD1_1.substring(5, 30)
                    + l2Start.substring(0, 7)
                    + l2Start.substring(8, 15)
                    + l2Start.substring(18, 29);
            Mrz mrz = parsed(MrzParser.parse(List.of(TD1_1, l2Start + cd(composite), TD1_3)));
            assertThat(mrz.expiryDate()).isEqualTo(new PartialDate(1999, 12, 31));
        }
    }

    @Nested
    class Shape {

        @Test
        void lineOfTheWrongLengthIsAFormatError() {
            assertFormatError(List.of(TD3_1, TD3_2.substring(1)));
            assertFormatError(List.of(TD3_1 + "<", TD3_2 + "<"));
            assertFormatError(List.of(TD1_1, TD1_2, TD1_3.substring(0, 29)));
            assertFormatError(List.of(TD2_1, TD3_2));
            assertFormatError(List.of(TD1_1, TD1_2));
            assertFormatError(List.of(TD3_1));
            assertFormatError(List.of(TD1_1, TD1_2, TD1_3, TD1_3));
            assertFormatError(List.of());
        }

        @Test
        void characterOutsideAToZDigitsAndFillerIsAFormatError() {
            List<String> withHash = new ArrayList<>(List.of(TD3_1, TD3_2));
            withHash.set(0, TD3_1.replace("ERIKSSON", "ERIKSS#N"));
            assertFormatError(withHash);
            assertFormatError(List.of(TD3_1.replace("ERIKSSON", "ERIKSSÖN"), TD3_2));
            assertFormatError(List.of(TD3_1.replace("<<ANNA", "  ANNA"), TD3_2));
        }

        private void assertFormatError(List<String> lines) {
            Result.Invalid r = invalid(MrzParser.parse(lines));
            assertThat(r.checkDigit()).as("checkDigit for %s", lines).isFalse();
        }
    }
}
