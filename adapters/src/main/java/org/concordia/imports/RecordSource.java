package org.concordia.imports;

import java.io.IOException;

/**
 * Reads items from an import file, one at a time, in file order. Not thread-safe. A damaged part of
 * the file becomes a {@link SourceItem.Unreadable} item, and reading goes on after it: valid
 * records after a bad line are never lost.
 */
public interface RecordSource extends AutoCloseable {
    /**
     * The next item, or null at the end of the input.
     *
     * @throws IOException when the file itself cannot be read any more
     */
    SourceItem next() throws IOException;

    @Override
    void close() throws IOException;
}
