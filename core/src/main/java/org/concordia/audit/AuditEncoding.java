package org.concordia.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The canonical byte encodings that are hashed (entries) and signed (checkpoints). Unambiguous by
 * construction: every field has a fixed position, every variable-length value carries its length,
 * absent values are distinguished from empty ones, and each encoding starts with its own label so
 * an entry can never be taken for a checkpoint (domain separation). Integers are big-endian, as in
 * the presentation language of RFC 8446 section 3, which this follows.
 *
 * <pre>
 * string   = u32 length of the UTF-8 bytes, then the UTF-8 bytes
 * optional = 0x00 (absent) | 0x01 string
 * instant  = i64 epoch seconds, i32 nanoseconds (0..999,999,999; microsecond precision in practice)
 * list     = u32 count, then each string
 * map      = u32 count, then key string, value string for each pair, in key order (UTF-16 code units,
 *            as RFC 8785 section 3.2.3 sorts JSON properties)
 *
 * entry      = string "concordia-audit-entry-v1", u64 sequence, instant at, string action name,
 *              string actor, optional actorRole, optional participant, optional purpose,
 *              string outcome, list recordIds, list termHashes, map details,
 *              32 bytes previous hash
 * checkpoint = string "concordia-audit-checkpoint-v1", u64 sequence, 32 bytes hash, instant at,
 *              string signer
 * </pre>
 *
 * <p>An entry's hash is SHA-256 of its encoding, which includes the previous entry's hash: the hash
 * chain of Schneier and Kelsey, "Secure Audit Logs to Support Computer Forensics", ACM TISSEC 2(2),
 * 1999 (section 3, without their per-entry encryption: entries hold no secrets).
 */
public final class AuditEncoding {
    static final String ENTRY_LABEL = "concordia-audit-entry-v1";
    static final String CHECKPOINT_LABEL = "concordia-audit-checkpoint-v1";

    private AuditEncoding() {}

    /** The bytes an entry's hash is computed over. */
    public static byte[] entry(long sequence, AuditEvent event, AuditHash previousHash) {
        Writer w = new Writer();
        w.string(ENTRY_LABEL);
        w.u64(sequence);
        w.instant(event.at());
        w.string(event.action().name());
        w.string(event.actor());
        w.optional(event.actorRole());
        w.optional(event.participant());
        w.optional(event.purpose());
        w.string(event.outcome());
        w.list(event.recordIds());
        w.list(event.termHashes());
        w.map(event.details());
        w.raw(previousHash.bytes());
        return w.bytes();
    }

    /** The bytes a checkpoint's signature is computed over. */
    public static byte[] checkpoint(long sequence, AuditHash hash, Instant at, String signer) {
        Writer w = new Writer();
        w.string(CHECKPOINT_LABEL);
        w.u64(sequence);
        w.raw(hash.bytes());
        w.instant(at);
        w.string(signer);
        return w.bytes();
    }

    private static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        private final ByteBuffer number = ByteBuffer.allocate(8);

        void u64(long v) {
            number.clear();
            out.write(number.putLong(v).array(), 0, 8);
        }

        void u32(int v) {
            number.clear();
            out.write(number.putInt(v).array(), 0, 4);
        }

        void instant(Instant t) {
            u64(t.getEpochSecond());
            u32(t.getNano());
        }

        void string(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            u32(b.length);
            out.write(b, 0, b.length);
        }

        void optional(String s) {
            if (s == null) {
                out.write(0);
            } else {
                out.write(1);
                string(s);
            }
        }

        void list(List<String> values) {
            u32(values.size());
            values.forEach(this::string);
        }

        void map(Map<String, String> values) {
            u32(values.size());
            values.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                string(e.getKey());
                string(e.getValue());
            });
        }

        void raw(byte[] b) {
            out.write(b, 0, b.length);
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
