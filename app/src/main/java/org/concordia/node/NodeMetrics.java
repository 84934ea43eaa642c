package org.concordia.node;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.concordia.model.ParticipantCode;
import org.concordia.search.FederatedSearch;
import org.concordia.search.PartnerAnswer;
import org.concordia.search.PartnerStatus;
import org.concordia.search.SearchResult;

/**
 * The node's own metrics, published with the rest at {@code /actuator/prometheus} (administrators only).
 * Tags are participant codes, statuses and error codes: never a search term, name or record id. Their
 * values are bounded by the directory and the code lists, so the series do not grow with traffic.
 *
 * <ul>
 *   <li>{@code concordia_searches_total{outcome}}: users' federated searches, by {@code hit}, {@code
 *       hit-only} (only references from hit-only partners) or {@code no-hit};
 *   <li>{@code concordia_partner_latency_seconds{partner, status}}: how long each participant's part of a
 *       search took (this node's own part included), by its status ({@code hit}, {@code no-hit}, {@code
 *       refused}, {@code unreachable}, {@code timeout}...);
 *   <li>{@code concordia_partner_searches_answered_total{partner, outcome}}: partners' searches this node
 *       answered, by the asking partner and the answer ({@code hit}, {@code hit-only}, {@code no-hit}, or
 *       the refusal's error code such as {@code no_agreement}).
 *   <li>{@code concordia_alert_hits_total{side, reply}}: hits on alerts, {@code found} here (this node's
 *       records on partners' alerts, by what was reported: {@code hit}, {@code hit-only}, {@code withheld})
 *       or {@code reported} by partners on this node's alerts.
 * </ul>
 *
 * Thread-safe.
 */
final class NodeMetrics {
    private final MeterRegistry registry;

    NodeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A user's federated search has ended. */
    void searched(FederatedSearch.Outcome outcome) {
        String result = "no-hit";
        for (SearchResult r : outcome.results()) {
            if (r instanceof SearchResult.Hit) {
                result = "hit";
                break;
            }
            result = "hit-only";
        }
        Counter.builder("concordia.searches")
                .description("Federated searches asked by this node's users, by outcome")
                .tag("outcome", result)
                .register(registry)
                .increment();
        for (PartnerStatus s : outcome.partners()) {
            Timer.builder("concordia.partner.latency")
                    .description("Time each participant took to answer its part of a federated search")
                    .tag("partner", s.participant().value())
                    .tag("status", s.status().wireName())
                    .register(registry)
                    .record(Duration.ofMillis(s.latencyMs()));
        }
    }

    /** This node has answered a partner's search. */
    void answered(ParticipantCode partner, PartnerAnswer answer) {
        String outcome = switch (answer) {
            case PartnerAnswer.Refused r -> r.code().code();
            case PartnerAnswer.Failed f -> f.code().code();
            case PartnerAnswer.Answered a ->
                PartnerStatus.of(partner, a, 0).status().wireName();
        };
        Counter.builder("concordia.partner.searches.answered")
                .description("Partners' searches this node answered, by partner and answer")
                .tag("partner", partner.value())
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    /** A hit on an alert: found here ({@code side} found) or reported by a partner ({@code reported}). */
    void alertHit(String side, String reply) {
        Counter.builder("concordia.alert.hits")
                .description("Hits on alerts: found here on partners' alerts, or reported on this node's alerts")
                .tag("side", side)
                .tag("reply", reply)
                .register(registry)
                .increment();
    }
}
