package io.eventscope.cli.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.Metadata;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.StreamAppend;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Synthetic orders of {@value #EVENTS_PER_ORDER} events each, shaped like the shop's: one stream
 * and one correlation per order, each event caused by the one before and the first by a
 * command. Ids are derived from the order number, so a benchmark can name any of them later.
 */
final class ShopLikeEvents {
    static final int EVENTS_PER_ORDER = 10;
    private static final String[] TYPES = {"OrderPlaced", "PaymentRequested", "PaymentTaken", "StockReserved",
        "OrderConfirmed", "ShipmentPrepared", "ShipmentDispatched", "ShipmentDelivered", "InvoiceIssued", "OrderClosed"};

    private ShopLikeEvents() {
    }

    static String stream(long order) {
        return "order-" + order;
    }

    static String correlationId(long order) {
        return "corr-" + order;
    }

    static String eventId(long order, int step) {
        return "evt-" + order + "-" + step;
    }

    static List<String> types() {
        return List.of(TYPES);
    }

    /** The customer in the data of an order's events. */
    static String customerId(long order) {
        return "cust-" + order % 5_000;
    }

    /** The SKU of an order's line. */
    static String sku(long order) {
        return "SKU-" + order % 700;
    }

    /** One new stream per order, from {@code firstOrder} on. */
    static List<StreamAppend> orders(long firstOrder, int count) {
        List<StreamAppend> out = new ArrayList<>(count);
        for (long order = firstOrder; order < firstOrder + count; order++) {
            List<NewEvent> events = new ArrayList<>(EVENTS_PER_ORDER);
            for (int step = 0; step < EVENTS_PER_ORDER; step++) {
                events.add(event(order, step));
            }
            out.add(new StreamAppend(stream(order), ExpectedVersion.NO_STREAM, events));
        }
        return out;
    }

    static NewEvent event(long order, int step) {
        ObjectNode data = Json.object()
                .put("orderId", "o-" + order)
                .put("customerId", customerId(order))
                .put("amount", BigDecimal.valueOf(1_000 + order % 90_000, 2))
                .put("currency", "EUR")
                .put("step", step);
        data.putArray("lines").addObject().put("sku", sku(order)).put("qty", 1 + order % 4)
                .put("price", BigDecimal.valueOf(250 + order % 9_000, 2));
        String causation = step == 0 ? "cmd-" + order : eventId(order, step - 1);
        return new NewEvent(eventId(order, step), TYPES[step % TYPES.length], null, null, 1, null, data,
                Metadata.of("bench", correlationId(order), causation));
    }
}
