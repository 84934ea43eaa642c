package org.concordia.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.concordia.model.PartialDate.Failure;
import org.concordia.model.PartialDate.Parsed;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sources: ISO 8601-1:2019 calendar dates of reduced precision (YYYY, YYYY-MM, YYYY-MM-DD; months
 * 01–12, days 01–28/29/30/31; Gregorian leap years); docs/exchange-model.md "Partial dates";
 * docs/error-codes.md {@code invalid_date} and {@code impossible_date}.
 */
class PartialDateTest {

    private static PartialDate ok(String text) {
        Parsed p = PartialDate.parse(text);
        assertThat(p).as(text).isInstanceOf(Parsed.Ok.class);
        return ((Parsed.Ok) p).date();
    }

    @Nested
    class Parse {

        @ParameterizedTest(name = "{0} -> {1}-{2}-{3}")
        @CsvSource({
            "1984, 1984, 0, 0",
            "1984-03, 1984, 3, 0",
            "1984-03-07, 1984, 3, 7",
            "' 1984-03-07 ', 1984, 3, 7",
            "0001, 1, 0, 0",
            "9999-12-31, 9999, 12, 31",
            "2024-02-29, 2024, 2, 29",
            "2000-02-29, 2000, 2, 29"
        })
        void dateOfYearMonthOrDayPrecisionIsRead(String text, int year, int month, int day) {
            assertThat(ok(text)).isEqualTo(new PartialDate(year, month, day));
        }

        // docs: "a date of the right shape that does not exist (1984-13, 1984-02-30) is impossible_date".
        // 2023, 1900 and 2100 are not leap years (Gregorian rule: divisible by 4, centuries only by 400).
        @ParameterizedTest
        @ValueSource(
                strings = {
                    "1984-02-30",
                    "1984-13",
                    "1984-13-01",
                    "2023-02-29",
                    "1900-02-29",
                    "2100-02-29",
                    "1984-04-31",
                    "1984-01-32"
                })
        void dateOfTheRightShapeThatDoesNotExistIsImpossible(String text) {
            assertThat(PartialDate.parse(text)).isEqualTo(new Parsed.Bad(Failure.IMPOSSIBLE));
        }

        // docs: "A date of another shape is invalid_date", e.g. "A birth date written day first with slashes".
        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(
                strings = {
                    "84",
                    "1984/03/07",
                    "07.03.1984",
                    "1984-3-7",
                    "1984-03-7",
                    "19840307",
                    "1984-W10",
                    "+1984",
                    "1984-03-07T00:00",
                    "date",
                    "１９８４"
                })
        void textOfAnotherShapeIsAFormatError(String text) {
            assertThat(PartialDate.parse(text)).isEqualTo(new Parsed.Bad(Failure.FORMAT));
        }

        // ISO 8601 has no month 00 nor day 00: 1984-00 and 1984-03-00 are of the right shape but no
        // such month or day exists (docs: "impossible_date ... The right shape but no such month or day").
        @ParameterizedTest
        @ValueSource(strings = {"1984-00", "1984-00-00", "1984-03-00"})
        void monthOrDayZeroIsImpossible(String text) {
            assertThat(PartialDate.parse(text)).isEqualTo(new Parsed.Bad(Failure.IMPOSSIBLE));
        }
    }

    @Nested
    class Text {

        @ParameterizedTest
        @ValueSource(strings = {"1984", "1984-03", "1984-03-07", "0001", "2024-02-29", "1999-12"})
        void toStringRoundTrips(String text) {
            PartialDate d = ok(text);
            assertThat(d).hasToString(text);
            assertThat(ok(d.toString())).isEqualTo(d);
        }

        @Test
        void toStringIsAsPreciseAsTheDate() {
            assertThat(new PartialDate(984, 0, 0)).hasToString("0984");
            assertThat(new PartialDate(1984, 3, 0)).hasToString("1984-03");
        }
    }

    @Nested
    class Range {

        @ParameterizedTest(name = "{0}: {1} .. {2}")
        @CsvSource({
            "1984, 1984-01-01, 1984-12-31",
            "1984-02, 1984-02-01, 1984-02-29",
            "1983-02, 1983-02-01, 1983-02-28",
            "1900-02, 1900-02-01, 1900-02-28",
            "1984-04, 1984-04-01, 1984-04-30",
            "1984-03-07, 1984-03-07, 1984-03-07"
        })
        void earliestAndLatestBoundEveryDayTheDateCanBe(String text, LocalDate earliest, LocalDate latest) {
            PartialDate d = ok(text);
            assertThat(d.earliest()).isEqualTo(earliest);
            assertThat(d.latest()).isEqualTo(latest);
        }

        @Test
        void onlyAWholeDateIsALocalDate() {
            assertThat(ok("1984-03-07").toLocalDate()).contains(LocalDate.of(1984, 3, 7));
            assertThat(ok("1984-03").toLocalDate()).isEmpty();
            assertThat(ok("1984").toLocalDate()).isEmpty();
            assertThat(PartialDate.of(LocalDate.of(1984, 3, 7))).isEqualTo(ok("1984-03-07"));
        }

        @Test
        void precisionIsReported() {
            assertThat(ok("1984").hasMonth()).isFalse();
            assertThat(ok("1984-03").hasMonth()).isTrue();
            assertThat(ok("1984-03").hasDay()).isFalse();
            assertThat(ok("1984-03-07").hasDay()).isTrue();
        }
    }

    @Nested
    class Construction {

        @Test
        void ofGivesEmptyForADayThatDoesNotExist() {
            assertThat(PartialDate.of(1984, 2, 30)).isEmpty();
            assertThat(PartialDate.of(1984, 13, 0)).isEmpty();
            assertThat(PartialDate.of(1984, 0, 7)).isEmpty();
            assertThat(PartialDate.of(0, 0, 0)).isEmpty();
            assertThat(PartialDate.of(10000, 0, 0)).isEmpty();
            assertThat(PartialDate.of(1984, 3, -1)).isEmpty();
            assertThat(PartialDate.of(1984, 3, 7)).contains(new PartialDate(1984, 3, 7));
        }

        // "A partial date stays partial: no month or day is made up" — a day without a month is refused.
        @Test
        void constructorRefusesWhatCannotBeADate() {
            assertThatThrownBy(() -> new PartialDate(1984, 0, 7)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new PartialDate(1984, 13, 0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new PartialDate(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new PartialDate(1984, 2, 30)).isInstanceOf(RuntimeException.class);
        }
    }

    @Test
    void datesSortByYearThenMonthThenDayWithLessPreciseFirst() {
        List<PartialDate> dates = new ArrayList<>(
                List.of(ok("1984-03-07"), ok("1983-12-31"), ok("1984"), ok("1984-03"), ok("1984-02-29")));
        dates.sort(null);
        assertThat(dates)
                .extracting(PartialDate::toString)
                .containsExactly("1983-12-31", "1984", "1984-02-29", "1984-03", "1984-03-07");
    }
}
