package org.concordia.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.concordia.problem.ErrorCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the node's API as RFC 9457 problem details with the project's stable error code ({@code
 * code}, docs/error-codes.md). Messages name fields and codes, never the personal data concerned.
 */
@RestControllerAdvice
class ApiErrors {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An expected failure of a request: its status, code and a message without personal data. */
    static final class ApiException extends RuntimeException {
        final int status;
        final ErrorCode code;

        ApiException(int status, ErrorCode code, String detail) {
            super(detail);
            this.status = status;
            this.code = code;
        }
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<String> api(ApiException e) {
        return ResponseEntity.status(e.status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problemJson(e.status, e.code, e.getMessage()));
    }

    @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
    ResponseEntity<String> unreadable(Exception e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problemJson(
                        400, ErrorCode.MALFORMED_JSON, "the request body is not the JSON this endpoint reads"));
    }

    @ExceptionHandler(org.springframework.web.bind.MissingServletRequestParameterException.class)
    ResponseEntity<String> missingParameter(Exception e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problemJson(400, ErrorCode.MISSING_FIELD, "a required request parameter is missing"));
    }

    /** Anything unexpected: a 500 with a stable code; the log names the failure's class, not the request. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<String> unexpected(Exception e) {
        // where, not what: frames name code, never the request's data (messages may hold personal data)
        StackTraceElement[] frames = e.getStackTrace();
        LOG.error(
                "request failed: {} at {}",
                e.getClass().getName(),
                java.util.Arrays.stream(frames, 0, Math.min(4, frames.length))
                        .map(StackTraceElement::toString)
                        .collect(java.util.stream.Collectors.joining(" < ")));
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problemJson(
                        500, ErrorCode.INTERNAL_ERROR, "the node failed while answering; retry, or tell its operator"));
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ApiErrors.class);

    static String problemJson(int status, ErrorCode code, String detail) {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", "https://concordia.example/errors/" + code.code());
        o.put("title", HttpStatus.valueOf(status).getReasonPhrase());
        o.put("status", status);
        o.put("code", code.code());
        o.put("detail", detail);
        return o.toString();
    }
}
