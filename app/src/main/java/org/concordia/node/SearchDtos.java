package org.concordia.node;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.concordia.json.RecordEncoder;
import org.concordia.search.Evidence;
import org.concordia.search.FederatedSearch;
import org.concordia.search.PartnerAnswer;
import org.concordia.search.PartnerStatus;
import org.concordia.search.SearchResult;

/**
 * The JSON of searches, on the user API and between nodes (docs/openapi.json). A result is {@code
 * {"owner", "reply": "hit"|"hit-only", "score", "recordId"?, "record"?, "evidence"?, "reference"?,
 * "band"?}}; a hit-only result carries no personal data.
 */
final class SearchDtos {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RecordEncoder ENCODER = new RecordEncoder();

    private SearchDtos() {}

    /** A search as an officer asks it: structured fields, or {@code text} for one search box. */
    record SearchRequest(
            String purpose, String name, String birthDate, String nationality, String document, String text) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Result(
            String owner,
            String reply,
            double score,
            String recordId,
            Map<String, Object> record,
            List<Evidence> evidence,
            String reference,
            String band) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Partner(String participant, String status, long latencyMs, String code) {}

    record SearchResponse(List<Result> results, List<Partner> partners) {}

    /** A search as one node asks another: the terms, the purpose, and who asked (an account id). */
    record PartnerSearchRequest(
            String purpose, String name, String birthDate, String nationality, String document, String requester) {}

    /** An owner's answer: {@code answered} with results (none = no-hit), or {@code refused} with a code. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PartnerSearchResponse(String status, String code, List<Result> results) {}

    static SearchResponse response(FederatedSearch.Outcome o) {
        List<Partner> partners = new ArrayList<>();
        for (PartnerStatus s : o.partners()) {
            partners.add(new Partner(
                    s.participant().value(),
                    s.status().wireName(),
                    s.latencyMs(),
                    s.code() == null ? null : s.code().code()));
        }
        return new SearchResponse(results(o.results()), partners);
    }

    static PartnerSearchResponse partnerResponse(PartnerAnswer a) {
        return switch (a) {
            case PartnerAnswer.Answered ok -> new PartnerSearchResponse("answered", null, results(ok.results()));
            case PartnerAnswer.Refused r ->
                new PartnerSearchResponse("refused", r.code().code(), List.of());
            case PartnerAnswer.Failed f ->
                new PartnerSearchResponse("failed", f.code().code(), List.of());
        };
    }

    static List<Result> results(List<SearchResult> results) {
        List<Result> out = new ArrayList<>();
        for (SearchResult r : results) {
            out.add(
                    switch (r) {
                        case SearchResult.Hit h ->
                            new Result(
                                    h.owner().value(),
                                    "hit",
                                    h.score(),
                                    h.record().id().value(),
                                    recordMap(h.record()),
                                    h.evidence(),
                                    null,
                                    null);
                        case SearchResult.HitOnly h ->
                            new Result(
                                    h.owner().value(),
                                    "hit-only",
                                    h.score(),
                                    null,
                                    null,
                                    null,
                                    h.reference(),
                                    h.band().wireName());
                    });
        }
        return out;
    }

    static Map<String, Object> recordMap(org.concordia.model.Record r) {
        try {
            return JSON.readValue(ENCODER.encode(r), new TypeReference<Map<String, Object>>() {});
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a record did not encode", e);
        }
    }
}
