package org.concordia.search;

import java.util.List;
import java.util.Objects;
import org.concordia.model.ParticipantCode;
import org.concordia.model.Record;

/** One answer of a federated search: a record in full, or only the fact that its owner holds one. */
public sealed interface SearchResult {
    ParticipantCode owner();

    /** The match probability (for a hit-only answer, its band's floor). */
    double score();

    /** A full hit: the record, its match probability and the evidence per field. */
    record Hit(ParticipantCode owner, Record record, double score, List<Evidence> evidence) implements SearchResult {
        public Hit {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(record, "record");
            evidence = List.copyOf(evidence);
        }
    }

    /**
     * A hit-only answer: the owner, an opaque reference that a follow-up request names, and the score
     * band. No personal data.
     */
    record HitOnly(ParticipantCode owner, String reference, ScoreBand band) implements SearchResult {
        public HitOnly {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(band, "band");
        }

        @Override
        public double score() {
            return band.floor();
        }
    }
}
