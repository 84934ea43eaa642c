package org.concordia.generator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link PeopleGenerator#write} produced.
 *
 * @param people generated people (real persons), as asked
 * @param records lines written to {@code records.ndjson} and to {@code truth.csv}
 * @param lookalikePairs lines written to {@code lookalikes.csv}
 * @param recordsByOwner records per owner code, in a fixed order (INTERPOL, EUROPOL, AFRIPOL,
 *     ASEANAPOL, GCCPOL, AMERIPOL); unmodifiable
 */
public record GenerationSummary(int people, long records, int lookalikePairs, Map<String, Long> recordsByOwner) {
    public GenerationSummary {
        recordsByOwner = Collections.unmodifiableMap(new LinkedHashMap<>(recordsByOwner));
    }
}
