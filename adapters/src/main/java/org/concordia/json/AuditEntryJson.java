package org.concordia.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.concordia.audit.AuditEntry;
import org.concordia.audit.AuditEvent;

/**
 * An audit entry as one line of JSON: {@code sequence}, {@code at} (ISO 8601), the event's fields
 * under their record component names (null when absent), {@code previousHash} and {@code hash} in
 * lower-case hex. Entries hold ids, codes and hashes only, so this prints no personal data.
 */
public final class AuditEntryJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AuditEntryJson() {}

    public static String toJson(AuditEntry entry) {
        AuditEvent e = entry.event();
        ObjectNode o = MAPPER.createObjectNode();
        o.put("sequence", entry.sequence());
        o.put("at", e.at().toString());
        o.put("action", e.action().name());
        o.put("actor", e.actor());
        o.put("actorRole", e.actorRole());
        o.put("participant", e.participant());
        o.put("purpose", e.purpose());
        o.put("outcome", e.outcome());
        ArrayNode records = o.putArray("recordIds");
        e.recordIds().forEach(records::add);
        ArrayNode terms = o.putArray("termHashes");
        e.termHashes().forEach(terms::add);
        ObjectNode details = o.putObject("details");
        e.details().forEach(details::put);
        o.put("previousHash", entry.previousHash().hex());
        o.put("hash", entry.hash().hex());
        return o.toString();
    }
}
