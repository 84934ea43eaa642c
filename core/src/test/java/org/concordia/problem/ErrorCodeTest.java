package org.concordia.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorCodeTest {
    @Test
    void everyCodeIsReadBackFromItsWireName() {
        for (ErrorCode c : ErrorCode.values()) {
            assertThat(ErrorCode.fromCode(c.code())).contains(c);
        }
    }

    @Test
    void aWireNameInAnotherCaseOrUnknownIsNoCode() {
        assertThat(ErrorCode.fromCode("NO_AGREEMENT")).isEmpty();
        assertThat(ErrorCode.fromCode("no_such_code")).isEmpty();
        assertThat(ErrorCode.fromCode(null)).isEmpty();
    }
}
