package org.concordia.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.concordia.problem.ErrorCode;
import org.junit.jupiter.api.Test;

/** {@code docs/error-codes.md} documents exactly the codes of {@link ErrorCode}, each with its severity. */
class ErrorCodeDocumentationTest {
    /** A table row: | `code` | severity | meaning | example | */
    private static final Pattern ROW = Pattern.compile("(?m)^\\|\\s*`([a-z_]+)`\\s*\\|\\s*([^|]+?)\\s*\\|");

    private static Map<String, String> documented() {
        Map<String, String> rows = new LinkedHashMap<>();
        Matcher m = ROW.matcher(Schemas.read(Schemas.DOCS.resolve("error-codes.md")));
        while (m.find()) {
            assertThat(rows.put(m.group(1), m.group(2)))
                    .as("documented twice: " + m.group(1))
                    .isNull();
        }
        return rows;
    }

    @Test
    void everyErrorCodeIsDocumentedOnceAndNothingElse() {
        assertThat(documented().keySet())
                .containsExactlyInAnyOrder(
                        Arrays.stream(ErrorCode.values()).map(ErrorCode::code).toArray(String[]::new));
    }

    @Test
    void everyDocumentedCodeStatesItsSeverity() {
        documented().forEach((code, severity) -> assertThat(severity).as(code).matches("(error|warning)\\b.*"));
    }

    @Test
    void wireFormIsTheLowerCaseName() {
        assertThat(ErrorCode.MRZ_CHECK_DIGIT.code()).isEqualTo("mrz_check_digit");
        assertThat(ErrorCode.MRZ_CHECK_DIGIT).hasToString("mrz_check_digit");
    }
}
