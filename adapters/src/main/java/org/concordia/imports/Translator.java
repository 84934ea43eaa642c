package org.concordia.imports;

import com.fasterxml.jackson.databind.JsonNode;

/** Translates items of a foreign format (FollowTheMoney, INTERPOL notices, CSV rows) into the model. Thread-safe. */
@FunctionalInterface
public interface Translator {
    Translation translate(JsonNode item);
}
