package io.eventscope.engine.io;

import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.Metadata;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.InMemoryEventStore;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Stores and lines shared by the import and export tests. */
final class ImportFixtures {
    private ImportFixtures() {
    }

    /** A small store with the awkward bits: decimals with trailing zeros, non-ASCII text, extra metadata, nulls. */
    static InMemoryEventStore sampleStore() {
        InMemoryEventStore store = new InMemoryEventStore();
        Instant t = Instant.parse("2026-11-20T09:15:02.120Z");
        for (int i = 1; i <= 30; i++) {
            String order = "o" + (i % 7);
            Metadata m = i % 3 == 0 ? Metadata.EMPTY
                    : new Metadata("user-" + (i % 4), "corr-" + (i % 5), "cmd-" + i, Map.of("tenant", "t1", "trace", "x" + i));
            store.append("order-" + order, ExpectedVersion.ANY, List.of(new NewEvent("evt-" + i, i % 2 == 0 ? "OrderPaid" : "OrderCreated",
                    null, null, 1 + i % 3, t.plusMillis(1_000L * i + i % 2 * 456_789L),
                    Json.parse("{\"orderId\":\"" + order + "\",\"note\":\"Café ☕ \\\"quoted\\\"\",\"amount\":12.50,\"n\":" + i
                            + ",\"nested\":{\"a\":[1,2.0,null,true]}}"), m)));
        }
        return store;
    }

    static String export(EventStore store, EventFilter filter) {
        StringWriter out = new StringWriter();
        new NdjsonExporter(store, ExportFormat.NDJSON).export(filter, out, ProgressMonitor.NONE);
        return out.toString();
    }

    static String line(String eventId, String streamId, long version) {
        return "{\"eventId\":\"" + eventId + "\",\"eventType\":\"Imported\",\"streamId\":\"" + streamId + "\",\"version\":"
                + version + ",\"schemaVersion\":1,\"timestamp\":\"2026-11-20T10:00:00Z\",\"data\":{\"k\":1}}";
    }
}
