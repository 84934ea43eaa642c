package org.concordia.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class NdjsonSourceTest {
    static List<SourceItem> readAll(InputStream in, int max) throws IOException {
        List<SourceItem> out = new ArrayList<>();
        try (NdjsonSource s = new NdjsonSource(in, max)) {
            SourceItem i;
            while ((i = s.next()) != null) {
                out.add(i instanceof SourceItem.Raw raw ? raw.parse() : i);
            }
        }
        return out;
    }

    static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code n} bytes of 'a', produced on the fly: a 100 MB line without 100 MB of memory. */
    static InputStream repeated(long n) {
        return new InputStream() {
            long left = n;

            @Override
            public int read() {
                return left-- > 0 ? 'a' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int k = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + k, (byte) 'a');
                left -= k;
                return k;
            }
        };
    }

    static String kinds(List<SourceItem> items) {
        return String.join(
                ",",
                items.stream()
                        .map(i -> i.getClass().getSimpleName() + "@" + i.line())
                        .toList());
    }

    @Test
    void readsOneRecordPerLineAndSkipsBlankLines() throws IOException {
        List<SourceItem> items = readAll(text("{\"a\":1}\n\n  \r\n{\"a\":2}\r\n{\"a\":3}"), 1000);
        assertThat(kinds(items)).isEqualTo("Json@1,Json@4,Json@5");
    }

    @Test
    void aHundredMegabyteLineIsReportedAndTheNextLineIsStillRead() throws IOException {
        InputStream in = new SequenceInputStream(Collections.enumeration(
                List.of(text("{\"a\":1}\n{\"x\":\""), repeated(100L << 20), text("\"}\n{\"a\":3}\n"))));
        List<SourceItem> items = readAll(in, NdjsonSource.DEFAULT_MAX_LINE_BYTES);
        assertThat(kinds(items)).isEqualTo("Json@1,Unreadable@2,Json@3");
        assertThat(((SourceItem.Unreadable) items.get(1)).problem().code().code())
                .isEqualTo("line_too_long");
    }

    @Test
    void aLineThatIsNotUtf8IsReportedAndTheOthersAreKept() throws IOException {
        byte[] latin1 = "{\"n\":\"Jos\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        InputStream in = new SequenceInputStream(Collections.enumeration(
                List.of(text("{\"a\":1}\n"), new ByteArrayInputStream(latin1), text("{\"a\":\"é\"}\n"))));
        List<SourceItem> items = readAll(in, 1000);
        assertThat(kinds(items)).isEqualTo("Json@1,Unreadable@2,Json@3");
        assertThat(((SourceItem.Unreadable) items.get(1)).problem().code().code())
                .isEqualTo("invalid_encoding");
    }

    @Test
    void malformedJsonAndTrailingGarbageAreReportedPerLine() throws IOException {
        List<SourceItem> items = readAll(text("{\"a\":1\n{\"a\":1} x\n{\"a\":1}\n"), 1000);
        assertThat(kinds(items)).isEqualTo("Unreadable@1,Unreadable@2,Json@3");
        assertThat(((SourceItem.Unreadable) items.get(0)).problem().code().code())
                .isEqualTo("malformed_json");
    }

    @Test
    void aByteOrderMarkAtTheStartIsIgnored() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        InputStream in = new SequenceInputStream(new ByteArrayInputStream(bom), text("{\"a\":1}\n"));
        assertThat(kinds(readAll(in, 1000))).isEqualTo("Json@1");
    }
}
