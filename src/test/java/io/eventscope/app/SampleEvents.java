package io.eventscope.app;

import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.Metadata;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.InMemoryEventStore;
import java.util.List;

/**
 * A small shop history for UI tests: orders, each a correlated chain of a command's event and
 * the reactions it caused.
 */
public final class SampleEvents {
    private SampleEvents() {
    }

    /** {@code orders} orders; order i has correlation {@code corr-i} and 3 events in 3 streams. */
    public static EventStore shop(int orders) {
        EventStore store = new InMemoryEventStore();
        for (int i = 1; i <= orders; i++) {
            addOrder(store, i);
        }
        return store;
    }

    public static void addOrder(EventStore store, int i) {
        String corr = "corr-" + i;
        String created = "evt-created-" + i;
        store.append("order-o" + i, ExpectedVersion.ANY, List.of(new NewEvent(created, "OrderCreated", null, null, 1,
                null, Json.parse("{\"orderId\":\"o" + i + "\",\"userId\":\"alice\",\"total\":" + (10 * i) + ".50}"),
                Metadata.of("alice", corr, "cmd-" + i))));
        String payment = "evt-payment-" + i;
        store.append("payment-p" + i, ExpectedVersion.ANY, List.of(new NewEvent(payment, "PaymentRequested", null,
                null, 1, null, Json.parse("{\"orderId\":\"o" + i + "\"}"), Metadata.of("saga", corr, created))));
        store.append("order-o" + i, ExpectedVersion.ANY, List.of(new NewEvent("evt-paid-" + i, "OrderPaid", null,
                null, 2, null, Json.parse("{\"orderId\":\"o" + i + "\",\"note\":\"paid in full\"}"),
                Metadata.of("saga", corr, payment))));
    }
}
