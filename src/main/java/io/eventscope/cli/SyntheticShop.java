package io.eventscope.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.Metadata;
import io.eventscope.engine.event.NewEvent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * Shop-like history for load and durability runs. Streams come in groups of four, one per
 * order: synth.order, synth.payment, synth.inventory (a stock reservation), synth.shipping.
 * Each group is one correlation chain written in that order: its first event is caused by a
 * synthetic command, every later one by the event before it. The content depends only on the
 * seed; the run id goes into every stream and event id, so runs never collide.
 */
final class SyntheticShop implements Iterator<SyntheticShop.PlannedEvent> {

    /** An event and the stream version it will have once appended. */
    record PlannedEvent(String streamId, long version, NewEvent event) {
    }

    private enum Aggregate {
        ORDER("order", 'o', "ItemAdded", 1, "OrderOpened", "OrderPlaced", "OrderSettled", "OrderFulfilled"),
        PAYMENT("payment", 'p', "PaymentDeclined", 1, "PaymentRequested", "PaymentAuthorized", "PaymentSettled"),
        INVENTORY("inventory", 'r', "StockAllocated", 1, "StockAllocated", "StockPicked", "StockCommitted"),
        SHIPPING("shipping", 's', "TrackingUpdated", 2, "ShipmentCreated", "ShipmentDispatched", "ShipmentDelivered");

        final String area;
        final String type;
        final char idPrefix;
        final String repeated;
        final int repeatAt;
        final List<String> lifecycle;

        Aggregate(String area, char idPrefix, String repeated, int repeatAt, String... lifecycle) {
            this.area = area;
            this.type = AGGREGATE_TYPE_PREFIX + area;
            this.idPrefix = idPrefix;
            this.repeated = repeated;
            this.repeatAt = repeatAt;
            this.lifecycle = List.of(lifecycle);
        }

        /**
         * The type of event {@code index} of a stream of {@code length} events: a prefix of the
         * lifecycle when the stream is short, else the lifecycle with the repeated step inserted.
         */
        String eventType(int index, int length) {
            int repeats = length - lifecycle.size();
            if (repeats <= 0 || index < repeatAt) {
                return lifecycle.get(index);
            }
            return index < repeatAt + repeats ? repeated : lifecycle.get(index - repeats);
        }
    }

    /**
     * Keeps generated streams apart from the shop's aggregates (order, payment, ...): their
     * events are not the shop's, so its deciders must not fold them; the generic fold does.
     */
    static final String AGGREGATE_TYPE_PREFIX = "synth.";

    private record Product(String sku, String name, BigDecimal price) {
    }

    private static final List<Product> CATALOG = List.of(
            new Product("SKU-1001", "Espresso beans 1kg", new BigDecimal("24.90")),
            new Product("SKU-1002", "Ceramic mug", new BigDecimal("9.50")),
            new Product("SKU-1003", "Burr grinder", new BigDecimal("129.00")),
            new Product("SKU-1004", "Milk frother", new BigDecimal("39.99")),
            new Product("SKU-1005", "Pour-over kettle", new BigDecimal("54.00")),
            new Product("SKU-1006", "Paper filters (100)", new BigDecimal("4.20")),
            new Product("SKU-1007", "Travel tumbler", new BigDecimal("19.95")),
            new Product("SKU-1008", "Descaling tablets", new BigDecimal("7.49")));
    private static final List<String> CITIES = List.of("Lyon", "Porto", "Ghent", "Leipzig", "Turin", "Malmo", "Cork");
    private static final List<String> CARRIERS = List.of("DHL", "UPS", "DPD", "GLS", "PostNL");
    private static final List<String> DECLINE_REASONS = List.of(
            "insufficient funds", "card expired", "3-D Secure failed", "issuer unavailable");
    private static final List<String> PAYMENT_METHODS = List.of("card", "paypal", "sepa-debit");
    private static final List<String> CHANNELS = List.of("web", "mobile-app", "store");
    private static final List<String> WAREHOUSES = List.of("WH-NORTH", "WH-SOUTH", "WH-EAST");

    private final String runId;
    private final Random random;
    private final int streams;
    private final int eventsPerStream;
    private int stream;
    private int index;
    private long sequence;
    private Chain chain;

    SyntheticShop(String runId, long seed, int streams, int eventsPerStream) {
        this.runId = runId;
        this.random = new Random(seed);
        this.streams = streams;
        this.eventsPerStream = eventsPerStream;
    }

    @Override
    public boolean hasNext() {
        return stream < streams;
    }

    @Override
    public PlannedEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Aggregate aggregate = Aggregate.values()[stream % Aggregate.values().length];
        if (stream % Aggregate.values().length == 0 && index == 0) {
            chain = new Chain(stream / Aggregate.values().length);
        }
        String aggregateId = runId + "-" + aggregate.idPrefix + chain.number;
        String type = aggregate.eventType(index, eventsPerStream);
        String eventId = "evt-" + runId + "-" + (++sequence);
        NewEvent event = new NewEvent(eventId, type, aggregate.type, aggregateId, 1, null, data(type),
                Metadata.of(userOf(aggregate), chain.correlationId, chain.previousEventId));
        PlannedEvent planned = new PlannedEvent(aggregate.type + "-" + aggregateId, index + 1L, event);
        chain.previousEventId = eventId;
        if (++index == eventsPerStream) {
            index = 0;
            stream++;
        }
        return planned;
    }

    private String userOf(Aggregate aggregate) {
        return aggregate == Aggregate.ORDER ? chain.customerId : "svc-" + aggregate.area;
    }

    private ObjectNode data(String type) {
        ObjectNode data = Json.object();
        switch (type) {
            case "OrderOpened":
                data.put("orderId", chain.id('o')).put("customerId", chain.customerId)
                        .put("currency", "EUR").put("channel", pick(CHANNELS));
                data.set("line", chain.addLine());
                break;
            case "ItemAdded":
                data.put("orderId", chain.id('o'));
                data.setAll(chain.addLine());
                break;
            case "OrderPlaced":
                data.put("orderId", chain.id('o')).put("itemCount", chain.lines.size()).put("total", chain.total);
                break;
            case "OrderSettled":
                data.put("orderId", chain.id('o')).put("paymentId", chain.id('p')).put("amount", chain.total);
                break;
            case "OrderFulfilled":
                data.put("orderId", chain.id('o')).put("shipmentId", chain.id('s'));
                break;
            case "PaymentRequested":
                data.put("paymentId", chain.id('p')).put("orderId", chain.id('o')).put("amount", chain.total)
                        .put("currency", "EUR").put("method", pick(PAYMENT_METHODS));
                break;
            case "PaymentDeclined":
                data.put("paymentId", chain.id('p')).put("attempt", ++chain.declines)
                        .put("reason", pick(DECLINE_REASONS));
                break;
            case "PaymentAuthorized":
                data.put("paymentId", chain.id('p'))
                        .put("authorizationCode", String.format("A%06d", random.nextInt(1_000_000)));
                break;
            case "PaymentSettled":
                data.put("paymentId", chain.id('p')).put("amount", chain.total);
                break;
            case "StockAllocated":
                ObjectNode line = chain.nextLineToReserve();
                data.put("reservationId", chain.id('r')).put("orderId", chain.id('o'))
                        .put("sku", line.get("sku").asText()).put("quantity", line.get("quantity").asInt())
                        .put("warehouse", chain.warehouse);
                break;
            case "StockPicked":
                data.put("reservationId", chain.id('r')).put("warehouse", chain.warehouse)
                        .put("picker", "picker-" + (1 + random.nextInt(40)));
                break;
            case "StockCommitted":
                data.put("reservationId", chain.id('r')).put("orderId", chain.id('o'));
                break;
            case "ShipmentCreated":
                data.put("shipmentId", chain.id('s')).put("orderId", chain.id('o')).put("carrier", chain.carrier);
                data.putObject("address").put("street", (1 + random.nextInt(200)) + " Market Street")
                        .put("postalCode", String.format("%05d", random.nextInt(100_000)))
                        .put("city", chain.city).put("country", "EU");
                break;
            case "ShipmentDispatched":
                data.put("shipmentId", chain.id('s')).put("carrier", chain.carrier)
                        .put("trackingNumber", chain.carrier + String.format("%010d", random.nextInt(1_000_000_000)));
                break;
            case "TrackingUpdated":
                data.put("shipmentId", chain.id('s')).put("location", pick(CITIES)).put("status", "in transit");
                break;
            case "ShipmentDelivered":
                data.put("shipmentId", chain.id('s')).put("city", chain.city).put("signedBy", "front desk");
                break;
            default:
                throw new IllegalStateException("no data for event type " + type);
        }
        return data;
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** What the four streams of one order share. */
    private final class Chain {
        final int number;
        final String correlationId;
        final String customerId = String.format("cust-%05d", random.nextInt(100_000));
        final String city = pick(CITIES);
        final String carrier = pick(CARRIERS);
        final String warehouse = pick(WAREHOUSES);
        final List<ObjectNode> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        String previousEventId;
        int declines;
        int reserved;

        Chain(int number) {
            this.number = number;
            this.correlationId = "corr-" + runId + "-" + number;
            this.previousEventId = "cmd-" + runId + "-" + number;
        }

        String id(char prefix) {
            return runId + "-" + prefix + number;
        }

        ObjectNode addLine() {
            Product product = pick(CATALOG);
            int quantity = 1 + random.nextInt(4);
            ObjectNode line = Json.object().put("sku", product.sku()).put("name", product.name())
                    .put("quantity", quantity).put("unitPrice", product.price());
            lines.add(line);
            total = total.add(product.price().multiply(BigDecimal.valueOf(quantity)));
            return line;
        }

        /** Reservations go through the order's lines in turn; OrderOpened always made one. */
        ObjectNode nextLineToReserve() {
            return lines.get(reserved++ % lines.size());
        }
    }
}
