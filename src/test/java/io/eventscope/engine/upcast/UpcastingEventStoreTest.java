package io.eventscope.engine.upcast;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.InMemoryEventStore;
import io.eventscope.shop.upcast.ShopUpcasters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class UpcastingEventStoreTest {
    private final InMemoryEventStore stored = new InMemoryEventStore();
    private final UpcastingEventStore store = new UpcastingEventStore(stored, ShopUpcasters.chain());

    private void append(String stream, String type, int schemaVersion, String json) {
        stored.append(stream, ExpectedVersion.ANY, List.of(
                new NewEvent(null, type, null, null, schemaVersion, null, Json.parse(json), null)));
    }

    @Test
    void readersSeeTheNewestShapeWhileTheStoreKeepsTheOriginal() {
        append("order-o1", "OrderCreated", 1, "{\"orderId\":\"o1\",\"userId\":\"bob\",\"items\":[],\"total\":5}");
        append("payment-p1", "PaymentProcessed", 1, "{\"paymentId\":\"p1\",\"orderId\":\"o1\",\"total\":5}");

        List<EventEnvelope> read = store.read(EventFilter.ALL, 1, 10, Direction.FORWARDS);

        assertThat(read).extracting(EventEnvelope::eventType).containsExactly("OrderCreated", "PaymentCaptured");
        assertThat(read).extracting(EventEnvelope::schemaVersion).containsExactly(3, 2);
        assertThat(read.get(0).data().get("shippingAddress").get("city").asText()).isEqualTo("Berlin");
        assertThat(store.readStream("order-o1", 1, 10, Direction.FORWARDS).get(0).schemaVersion()).isEqualTo(3);
        List<EventEnvelope> original = stored.read(EventFilter.ALL, 1, 10, Direction.FORWARDS);
        assertThat(original).extracting(EventEnvelope::schemaVersion).containsExactly(1, 1);
        assertThat(original.get(0).data().has("shippingAddress")).isFalse();
    }

    @Test
    void askingForTheNewNameFindsEventsStoredUnderTheOldOne() {
        for (int i = 0; i < 5; i++) {
            append("payment-p" + i, i % 2 == 0 ? "PaymentProcessed" : "PaymentCaptured", i % 2 == 0 ? 1 : 2,
                    "{\"paymentId\":\"p" + i + "\",\"orderId\":\"o\",\"" + (i % 2 == 0 ? "total" : "amount") + "\":1}");
            append("order-o" + i, "OrderShipped", 1, "{}");
        }
        EventFilter captured = EventFilter.ALL.withTypes(Set.of("PaymentCaptured"));

        assertThat(store.read(captured, 1, 100, Direction.FORWARDS)).hasSize(5)
                .allMatch(e -> e.eventType().equals("PaymentCaptured") && e.schemaVersion() == 2);
        assertThat(store.count(captured)).isEqualTo(5);
        assertThat(store.read(captured, 1, 2, Direction.FORWARDS)).extracting(EventEnvelope::position).containsExactly(1L, 3L);
        assertThat(store.read(captured, Long.MAX_VALUE, 2, Direction.BACKWARDS)).extracting(EventEnvelope::position)
                .containsExactly(9L, 7L);
        assertThat(store.count(EventFilter.ALL.withTypes(Set.of("PaymentProcessed")))).isZero();
    }

    @Test
    void subscribersReceiveUpcastedEvents() throws InterruptedException {
        append("payment-p1", "PaymentProcessed", 1, "{\"paymentId\":\"p1\",\"orderId\":\"o1\",\"total\":5}");
        List<String> seen = new CopyOnWriteArrayList<>();
        var subscription = store.subscribe(1, e -> seen.add(e.eventType()));
        for (int i = 0; i < 100 && seen.isEmpty(); i++) {
            Thread.sleep(10);
        }
        subscription.cancel();
        assertThat(new ArrayList<>(seen)).containsExactly("PaymentCaptured");
    }
}
