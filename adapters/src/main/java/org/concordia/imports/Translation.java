package org.concordia.imports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.concordia.problem.Problem;

/** What a foreign format's item becomes in the exchange model. */
public sealed interface Translation {
    /** One or more records of the model (for example a document and the link to its holder). */
    record Records(List<JsonNode> records) implements Translation {}

    /** Nothing the model takes; counted, not an error. */
    record Skip(String reason) implements Translation {}

    /** The item cannot be translated. */
    record Fail(Problem problem) implements Translation {}
}
