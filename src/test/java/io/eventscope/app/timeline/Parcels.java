package io.eventscope.app.timeline;

import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.Metadata;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.InMemoryEventStore;
import java.time.Instant;
import java.util.List;

/**
 * Streams no decider owns (they fold as JSON merges), for the Timeline's tests: parcel-1 has
 * 30 events; parcel-1 and courier-7 share the correlation "route-1" with a depot stream.
 */
final class Parcels {
    static final long LENGTH = 30;

    private Parcels() {
    }

    static EventStore store() {
        EventStore store = new InMemoryEventStore();
        Instant t = Instant.parse("2026-03-01T08:00:00Z");
        append(store, "parcel-1", "ParcelRegistered", "{\"status\":\"REGISTERED\",\"weight\":2,\"items\":[\"lamp\",\"desk\"]}", "route-1", t);
        append(store, "courier-7", "CourierAssigned", "{\"parcel\":\"1\",\"load\":1}", "route-1", t.plusSeconds(1));
        for (int v = 2; v <= 20; v++) {
            append(store, "parcel-1", "Weighed", "{\"weight\":" + (v * 100) + "}", "scale", t.plusSeconds(v * 10L));
        }
        append(store, "parcel-1", "ItemRemoved", "{\"items\":[\"desk\"]}", "route-1", t.plusSeconds(300));
        append(store, "depot-north", "ParcelStored", "{\"shelf\":\"B2\"}", "route-1", t.plusSeconds(301));
        append(store, "parcel-1", "ParcelShipped", "{\"status\":\"SHIPPED\",\"trackingNumber\":\"TN-1\"}", "route-1", t.plusSeconds(400));
        for (int v = 23; v <= 29; v++) {
            append(store, "parcel-1", "Scanned", "{\"scans\":" + (v - 22) + "}", "scan", t.plusSeconds(400 + v));
        }
        append(store, "parcel-1", "ParcelLost", "{\"status\":\"LOST\"}", "route-1", t.plusSeconds(3600));
        return store;
    }

    private static void append(EventStore store, String stream, String type, String json, String correlation, Instant at) {
        store.append(stream, ExpectedVersion.ANY, List.of(new NewEvent(null, type, null, null, 1, at, Json.parse(json),
                Metadata.of("ann", correlation, null))));
    }
}
