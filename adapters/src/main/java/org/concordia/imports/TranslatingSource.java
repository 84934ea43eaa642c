package org.concordia.imports;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/** A source whose JSON items are translated into exchange-model records as they are read. */
public final class TranslatingSource implements RecordSource {
    private final RecordSource source;
    private final Translator translator;
    private final Deque<SourceItem> pending = new ArrayDeque<>();

    public TranslatingSource(RecordSource source, Translator translator) {
        this.source = source;
        this.translator = translator;
    }

    @Override
    public SourceItem next() throws IOException {
        while (pending.isEmpty()) {
            SourceItem item = source.next();
            if (item == null) {
                return null;
            }
            if (item instanceof SourceItem.Raw raw) {
                item = raw.parse();
            }
            if (!(item instanceof SourceItem.Json json)) {
                return item;
            }
            switch (translator.translate(json.json())) {
                case Translation.Records r -> {
                    for (JsonNode n : r.records()) {
                        pending.add(new SourceItem.Json(item.line(), n));
                    }
                }
                case Translation.Skip s -> pending.add(new SourceItem.Skipped(item.line(), s.reason()));
                case Translation.Fail f -> pending.add(new SourceItem.Unreadable(item.line(), f.problem()));
            }
        }
        return pending.poll();
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
