package org.concordia.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.concordia.audit.AuditCheckpoint;
import org.concordia.audit.AuditEntry;
import org.concordia.audit.AuditVerification;
import org.concordia.audit.AuditVerifier;
import org.concordia.audit.CheckpointVerifier;
import org.concordia.audit.UnreadableAuditEntryException;
import org.concordia.json.AuditEntryJson;
import org.concordia.port.AuditLog;
import org.concordia.problem.ErrorCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The node's audit log for its data-protection officer: the entries (ids, codes and keyed hashes only,
 * never search terms or record content), and a check that the log is intact. Who may call what: {@link
 * SecurityConfiguration#RULES}.
 */
@RestController
@RequestMapping("/api/v1/audit")
class AuditApi {
    /** The most entries one page holds. */
    static final int MAX_LIMIT = 1_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final NodeAudit audit;
    private final Federation federation;

    AuditApi(NodeAudit audit, Federation federation) {
        this.audit = audit;
        this.federation = federation;
    }

    /**
     * One page of entries in the order stored: {@code {"entries": [...], "next": S}}, {@code next} the
     * sequence to ask for next, or null at the end of the log. An entry that cannot be read back is listed
     * as {@code {"sequence": S, "unreadable": true}} (run the verification).
     */
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Audit log entries",
            description = "Entries from sequence `from`, at most `limit` (1 to 1000), in the order stored: ids,"
                    + " codes and keyed hashes only. `next` is the sequence to ask for next, null at the end.")
    ResponseEntity<String> entries(
            @Parameter(description = "first sequence (from 1)") @RequestParam(defaultValue = "1") long from,
            @Parameter(description = "most entries (1 to 1000)") @RequestParam(defaultValue = "100") int limit,
            java.security.Principal user) {
        if (from < 1) {
            throw new ApiErrors.ApiException(400, ErrorCode.INVALID_VALUE, "from must be a sequence, 1 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ApiErrors.ApiException(400, ErrorCode.INVALID_VALUE, "limit must be between 1 and " + MAX_LIMIT);
        }
        ObjectNode page = JSON.createObjectNode();
        ArrayNode out = page.putArray("entries");
        Long next = null;
        try (Stream<AuditEntry> entries = audit.log().entries(from)) {
            Iterator<AuditEntry> it = entries.iterator();
            long last = from - 1;
            while (true) {
                ObjectNode row;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    AuditEntry e = it.next();
                    row = (ObjectNode) JSON.readTree(AuditEntryJson.toJson(e));
                    last = e.sequence();
                } catch (UnreadableAuditEntryException e) {
                    row = JSON.createObjectNode().put("sequence", e.sequence()).put("unreadable", true);
                    last = e.sequence();
                }
                if (out.size() == limit) {
                    next = last;
                    break;
                }
                out.add(row);
            }
        } catch (IOException e) {
            throw new IllegalStateException("an audit entry's own JSON does not parse", e);
        }
        page.put("next", next);
        audit.auditRead(user.getName(), from, out.size());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(page.toString());
    }

    /**
     * Runs {@link AuditVerifier} over the whole log and its checkpoints, checking checkpoint signatures
     * with this node's own certificate (a node without federation credentials signs none, and its
     * checkpoints are then only compared with the chain). Reads the whole log: for the DPO and the
     * administrator, not for monitoring every minute.
     */
    @GetMapping(path = "/verification", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Verify the audit log",
            description = "Recomputes the hash chain and checks every checkpoint with the node's certificate."
                    + " Answers 200 either way: `{\"intact\": true, \"entries\", \"lastSequence\","
                    + " \"checkpointsVerified\", ...}` or `{\"intact\": false, \"code\", \"sequence\","
                    + " \"explanation\"}`.")
    ResponseEntity<String> verification(java.security.Principal user) {
        AuditLog log = audit.log();
        Optional<CheckpointVerifier> signatures = federation.checkpointVerifier();
        AuditVerifier verifier = new AuditVerifier();
        // checkpoints first: every checkpoint then names an entry the read of the entries sees
        List<AuditCheckpoint> checkpoints = log.checkpoints();
        AuditVerification result;
        try (Stream<AuditEntry> entries = log.entries()) {
            Iterator<AuditEntry> it = entries.iterator();
            result = signatures.isPresent()
                    ? verifier.verify(it, checkpoints, signatures.get())
                    : verifier.verifyWithoutSignatures(it, checkpoints);
        }
        // audited after the verification, so that the entry it adds is not part of what was verified
        audit.auditRead(user.getName(), 1, result instanceof AuditVerification.Intact ok ? ok.entries() : 0);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(verificationJson(result).toString());
    }

    /** A verification as the API answers it: ids, counts, codes and sequences only. */
    static ObjectNode verificationJson(AuditVerification result) {
        ObjectNode o = JSON.createObjectNode();
        switch (result) {
            case AuditVerification.Intact i -> {
                o.put("intact", true);
                o.put("entries", i.entries());
                o.put("lastSequence", i.lastSequence());
                o.put("lastHash", i.lastHash().hex());
                o.put("checkpointsVerified", i.checkpointsVerified());
                o.put("checkpointsUnverified", i.checkpointsUnverified());
            }
            case AuditVerification.Broken b -> {
                o.put("intact", false);
                o.put("code", b.code().code());
                o.put("sequence", b.sequence());
                o.put("explanation", b.explanation());
            }
        }
        return o;
    }
}
