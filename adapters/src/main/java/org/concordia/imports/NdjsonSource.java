package org.concordia.imports;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.concordia.problem.ErrorCode;
import org.concordia.problem.Problem;

/**
 * Newline-delimited JSON (one record per line), read as bytes so that a line that is too long or
 * not UTF-8 is reported and skipped without holding it in memory or losing the lines around it.
 * Blank lines are ignored; a UTF-8 byte-order mark at the start is allowed.
 */
public final class NdjsonSource implements RecordSource {
    /** Default longest line: 1 MiB is far above any record of the model. */
    public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final InputStream in;
    private final int maxLineBytes;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] chunk = new byte[1 << 16];
    private int chunkPos;
    private int chunkLen;
    private byte[] line = new byte[4096];
    private long lineNumber;
    private boolean eof;

    public NdjsonSource(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    @Override
    public SourceItem next() throws IOException {
        while (true) {
            if (eof) {
                return null;
            }
            lineNumber++;
            int len = 0;
            boolean tooLong = false;
            boolean sawAny = false;
            while (true) {
                if (chunkPos == chunkLen) {
                    chunkLen = in.read(chunk);
                    chunkPos = 0;
                    if (chunkLen <= 0) {
                        chunkLen = 0;
                        eof = true;
                        break;
                    }
                }
                sawAny = true;
                int start = chunkPos;
                int nl = -1;
                for (int i = start; i < chunkLen; i++) {
                    if (chunk[i] == '\n') {
                        nl = i;
                        break;
                    }
                }
                int end = nl < 0 ? chunkLen : nl;
                int n = end - start;
                if (!tooLong) {
                    if (len + n > maxLineBytes) {
                        tooLong = true;
                    } else {
                        if (len + n > line.length) {
                            line = Arrays.copyOf(line, Math.min(maxLineBytes, Math.max(line.length * 2, len + n)));
                        }
                        System.arraycopy(chunk, start, line, len, n);
                        len += n;
                    }
                }
                chunkPos = nl < 0 ? chunkLen : nl + 1;
                if (nl >= 0) {
                    break;
                }
            }
            if (!sawAny && len == 0) {
                return null;
            }
            if (tooLong) {
                return new SourceItem.Unreadable(
                        lineNumber,
                        Problem.error(
                                ErrorCode.LINE_TOO_LONG,
                                "",
                                "line is longer than " + maxLineBytes + " bytes; skipped"));
            }
            int from = 0;
            if (lineNumber == 1
                    && len >= 3
                    && (line[0] & 0xff) == 0xEF
                    && (line[1] & 0xff) == 0xBB
                    && (line[2] & 0xff) == 0xBF) {
                from = 3;
            }
            int to = len;
            if (to > from && line[to - 1] == '\r') {
                to--;
            }
            if (isBlank(line, from, to)) {
                continue;
            }
            String text;
            try {
                CharBuffer cb = utf8.reset().decode(ByteBuffer.wrap(line, from, to - from));
                text = cb.toString();
            } catch (CharacterCodingException e) {
                return new SourceItem.Unreadable(
                        lineNumber,
                        Problem.error(
                                ErrorCode.INVALID_ENCODING,
                                "",
                                "line is not valid UTF-8; files must be UTF-8 encoded"));
            }
            return parse(lineNumber, text);
        }
    }

    static SourceItem parse(long lineNumber, String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            return new SourceItem.Json(lineNumber, node);
        } catch (JacksonException e) {
            int column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
            return new SourceItem.Unreadable(
                    lineNumber,
                    Problem.error(
                            ErrorCode.MALFORMED_JSON,
                            "",
                            "not valid JSON" + (column > 0 ? " (at column " + column + ")" : "")));
        }
    }

    private static boolean isBlank(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
