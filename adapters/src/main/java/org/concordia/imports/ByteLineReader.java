package org.concordia.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;

/**
 * Reads a file line by line as bytes, decoding each line strictly on its own, so that a line that is
 * too long or wrongly encoded is reported and skipped without holding it in memory and without
 * losing the lines around it. Line ends are LF or CRLF; a UTF-8 byte-order mark at the start is
 * dropped. Not thread-safe.
 */
final class ByteLineReader {
    /** A line: its text, or why it has none. */
    sealed interface Line {
        long number();

        record Text(long number, String text) implements Line {}

        record TooLong(long number) implements Line {}

        record BadEncoding(long number) implements Line {}
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final CharsetDecoder decoder;
    private final byte[] chunk = new byte[1 << 16];
    private int chunkPos;
    private int chunkLen;
    private byte[] line = new byte[4096];
    private long lineNumber;
    private boolean eof;

    ByteLineReader(InputStream in, int maxLineBytes, Charset charset) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The next line, or null at the end of the input. */
    Line next() throws IOException {
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
        if (!sawAny) {
            return null;
        }
        if (tooLong) {
            return new Line.TooLong(lineNumber);
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
        try {
            return new Line.Text(
                    lineNumber,
                    decoder.reset()
                            .decode(ByteBuffer.wrap(line, from, to - from))
                            .toString());
        } catch (CharacterCodingException e) {
            return new Line.BadEncoding(lineNumber);
        }
    }
}
