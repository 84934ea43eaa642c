package org.concordia.search;

import java.util.List;
import org.concordia.problem.ErrorCode;

/**
 * What came back from an owner: results (none is a no-hit), a refusal with its code, or no valid answer
 * at all ({@link Failed}: the partner could not be reached, or its reply did not pass the checks).
 */
public sealed interface PartnerAnswer {
    record Answered(List<SearchResult> results) implements PartnerAnswer {
        public Answered {
            results = List.copyOf(results);
        }
    }

    record Refused(ErrorCode code) implements PartnerAnswer {}

    /** No valid answer: connection, TLS or an error reply ({@code partner_unreachable}), or a reply whose signature failed. */
    record Failed(ErrorCode code) implements PartnerAnswer {}
}
