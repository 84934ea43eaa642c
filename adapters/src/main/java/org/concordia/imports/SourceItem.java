package org.concordia.imports;

import com.fasterxml.jackson.databind.JsonNode;
import org.concordia.problem.Problem;

/** One item read from an import file: a JSON record to decode, or a part of the file that could not be read. */
public sealed interface SourceItem {
    /** The line (1-based) where the item starts in the file. */
    long line();

    record Json(long line, JsonNode json) implements SourceItem {}

    /** A line of JSON not parsed yet: the importer parses it, in parallel with other lines. */
    record Raw(long line, String text) implements SourceItem {
        /** The parsed item: {@link Json}, or {@link Unreadable} when the text is not JSON. */
        public SourceItem parse() {
            return NdjsonSource.parse(line, text);
        }
    }

    record Unreadable(long line, Problem problem) implements SourceItem {}

    /** An item the format knows but the model does not take (for example a FollowTheMoney Address). */
    record Skipped(long line, String reason) implements SourceItem {}
}
