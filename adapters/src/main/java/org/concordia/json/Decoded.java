package org.concordia.json;

import java.util.List;
import java.util.Objects;
import org.concordia.model.Record;
import org.concordia.problem.Problem;

/** What decoding one record gave: the record with its warnings, or the problems that reject it. */
public sealed interface Decoded {
    List<Problem> problems();

    record Accepted(Record record, List<Problem> problems) implements Decoded {
        public Accepted {
            Objects.requireNonNull(record, "record");
            problems = List.copyOf(problems);
        }
    }

    /** @param id the record's id when it could be read, for the report; may be null */
    record Rejected(String id, List<Problem> problems) implements Decoded {
        public Rejected {
            problems = List.copyOf(problems);
        }
    }
}
