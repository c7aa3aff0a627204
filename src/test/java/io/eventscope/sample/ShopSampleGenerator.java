package io.eventscope.sample;

import io.eventscope.engine.store.OpenStore;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventscope.engine.domain.CommandEnvelope;
import io.eventscope.engine.domain.CommandResult;
import io.eventscope.engine.domain.Engine;
import io.eventscope.engine.domain.JournalEntry;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.Metadata;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.io.ExportFormat;
import io.eventscope.engine.io.NdjsonExporter;
import io.eventscope.engine.io.ProgressMonitor;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.InMemoryEventStore;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.shop.Address;
import io.eventscope.shop.Item;
import io.eventscope.shop.Money;
import io.eventscope.shop.Shop;
import io.eventscope.shop.inventory.ReleaseStock;
import io.eventscope.shop.inventory.ReserveStock;
import io.eventscope.shop.inventory.RestockItem;
import io.eventscope.shop.order.CancelOrder;
import io.eventscope.shop.order.CreateOrder;
import io.eventscope.shop.order.PayOrder;
import io.eventscope.shop.order.ShipOrder;
import io.eventscope.shop.payment.ChargePayment;
import io.eventscope.shop.payment.RefundPayment;
import io.eventscope.shop.shipment.ScheduleShipment;
import io.eventscope.shop.upcast.ShopUpcasters;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.UUID;

/**
 * Writes sample-data/shop.ndjson and shop-commands.ndjson: a shop's first days, made by
 * running real commands through the engine (deciders, journal, upcasting on load) against a
 * store whose clock the generator moves, so orders interleave over five days.
 *
 * <p>Orders placed before the schema changes ({@link #SCHEMA_CHANGE}) are written as the old
 * shop wrote them, OrderCreated v1 and PaymentProcessed v1, straight to the store (that shop
 * had no command journal); every later step of those orders goes through the engine, which
 * reads the old events through the upcasters.
 *
 * <p>Run: {@code mvn -q -o test-compile && java -cp target/test-classes:target/classes:$(cat cp.txt)
 * io.eventscope.sample.ShopSampleGenerator sample-data} with cp.txt from
 * {@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
public final class ShopSampleGenerator {
    static final Instant START = Instant.parse("2026-11-16T07:00:00Z");
    static final Instant SCHEMA_CHANGE = Instant.parse("2026-11-17T12:00:00Z");
    private static final String[] KNOWN_USERS = {"alice", "bob", "carol", "dave", "erin", "frank"};
    private static final String[] CITIES = {"Lyon", "Hamburg", "Sevilla", "Torino", "Utrecht", "Porto", "Gent"};
    private static final List<Item> CATALOG = List.of(
            new Item("MUG-01", 0, new BigDecimal("12.50")),
            new Item("TEA-07", 0, new BigDecimal("8.90")),
            new Item("LAMP-2", 0, new BigDecimal("49.99")),
            new Item("PEN-03", 0, new BigDecimal("1.20")),
            new Item("BOOK-11", 0, new BigDecimal("23.00")),
            new Item("CHAIR-5", 0, new BigDecimal("129.00")),
            new Item("SOCK-09", 0, new BigDecimal("6.45")));

    private final Random random;
    private final MovableClock clock = new MovableClock(START);
    private final InMemoryEventStore store = new InMemoryEventStore(clock);
    private final Engine engine = Engine.open(new OpenStore(store, null), Shop.aggregateTypes(), ShopUpcasters.chain());
    private final PriorityQueue<Step> agenda = new PriorityQueue<>();
    private long sequence;

    private ShopSampleGenerator(long seed) {
        this.random = new Random(seed);
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "sample-data");
        ShopSampleGenerator generator = new ShopSampleGenerator(20261116L);
        generator.run(260);
        generator.write(dir.resolve("shop.ndjson"), dir.resolve("shop-commands.ndjson"));
        generator.engine.close();
    }

    /** One thing to do at a time; ties keep the order they were planned in. */
    private record Step(Instant at, long sequence, Runnable action) implements Comparable<Step> {
        public int compareTo(Step o) {
            int byTime = at.compareTo(o.at);
            return byTime != 0 ? byTime : Long.compare(sequence, o.sequence);
        }
    }

    /** What one customer's order needs to carry between its steps. */
    private final class Order {
        final String id = uuid().toString().substring(0, 8);
        final String correlation = uuid().toString();
        final String user = random.nextInt(100) < 85 ? KNOWN_USERS[random.nextInt(KNOWN_USERS.length)]
                : "guest-" + (100 + random.nextInt(900));
        final List<Item> items = new ArrayList<>();
        final boolean legacy;
        BigDecimal total;
        EventEnvelope lastEvent;

        Order(boolean legacy) {
            this.legacy = legacy;
            List<Item> shuffled = new ArrayList<>(CATALOG);
            Collections.shuffle(shuffled, random);
            for (Item item : shuffled.subList(0, 1 + random.nextInt(3))) {
                items.add(new Item(item.sku(), 1 + random.nextInt(4), item.unitPrice()));
            }
            total = Money.total(items);
        }
    }

    void run(int orders) {
        for (Item item : CATALOG) {
            send(null, "RestockItem", new RestockItem(item.sku(), 45), "warehouse", uuid().toString());
        }
        for (int day = 1; day <= 4; day++) {
            Instant morning = START.plus(Duration.ofDays(day));
            plan(morning, () -> CATALOG.forEach(item ->
                    send(null, "RestockItem", new RestockItem(item.sku(), 30), "warehouse", uuid().toString())));
        }
        Instant at = START;
        for (int i = 0; i < orders; i++) {
            at = at.plus(Duration.ofMinutes(3 + random.nextInt(48)));
            Instant placed = at;
            plan(placed, () -> place(new Order(placed.isBefore(SCHEMA_CHANGE))));
        }
        while (!agenda.isEmpty()) {
            Step step = agenda.poll();
            clock.set(step.at());
            step.action().run();
        }
    }

    private void plan(Instant at, Runnable action) {
        agenda.add(new Step(at, sequence++, action));
    }

    private void later(int minMinutes, int maxMinutes, Runnable action) {
        plan(clock.instant().plus(Duration.ofMinutes(minMinutes + random.nextInt(maxMinutes - minMinutes + 1))), action);
    }

    private void place(Order order) {
        if (order.legacy) {
            ObjectNode data = Json.object();
            data.put("orderId", order.id);
            data.put("userId", order.user);
            ArrayNode items = data.putArray("items");
            order.items.forEach(item -> items.add(Json.MAPPER.valueToTree(item)));
            data.put("total", order.total);
            order.lastEvent = appendLegacy("order-" + order.id, "OrderCreated", data, order);
        } else {
            Address address = random.nextInt(100) < 80 ? address(order.user) : null;
            order.lastEvent = single(send(null, "CreateOrder", new CreateOrder(order.id, order.user, order.items, address),
                    order.user, order.correlation));
        }
        EventEnvelope created = order.lastEvent;
        for (Item item : order.items) {
            send(created, "ReserveStock", new ReserveStock(item.sku(), order.id, item.quantity()), order.user, order.correlation);
        }
        int fate = random.nextInt(100);
        if (fate < 10) {
            return; // stays pending: the customer never paid
        }
        if (fate < 20) {
            later(30, 600, () -> cancel(order, "customer changed their mind"));
            return;
        }
        if (random.nextInt(100) < 8) {
            later(1, 20, () -> send(created, "ShipOrder", new ShipOrder(order.id, "too-early"), "warehouse", order.correlation));
        }
        later(5, 240, () -> pay(order, fate));
    }

    private void pay(Order order, int fate) {
        if (random.nextInt(100) < 8) {
            BigDecimal wrong = order.total.subtract(new BigDecimal("1.00")).max(BigDecimal.ZERO);
            send(order.lastEvent, "PayOrder", new PayOrder(order.id, Money.cents(wrong)), order.user, order.correlation);
        }
        EventEnvelope captured;
        if (order.legacy) {
            ObjectNode data = Json.object();
            data.put("paymentId", order.id);
            data.put("orderId", order.id);
            data.put("total", order.total);
            captured = appendLegacy("payment-" + order.id, "PaymentProcessed", data, order);
        } else {
            captured = single(send(order.lastEvent, "ChargePayment", new ChargePayment(null, order.id, order.total),
                    order.user, order.correlation));
        }
        order.lastEvent = single(send(captured, "PayOrder", new PayOrder(order.id, order.total), order.user, order.correlation));
        if (fate < 35) {
            return; // paid, waiting in the warehouse
        }
        if (fate < 45) {
            later(60, 900, () -> {
                send(order.lastEvent, "RefundPayment", new RefundPayment(null, order.id, order.total, "out of stock at the supplier"),
                        "support", order.correlation);
                cancel(order, "refunded: out of stock at the supplier");
            });
            return;
        }
        later(60, 1_200, () -> ship(order));
    }

    private void ship(Order order) {
        EventEnvelope scheduled = single(send(order.lastEvent, "ScheduleShipment",
                new ScheduleShipment(order.id, order.legacy ? null : address(order.user)), "warehouse", order.correlation));
        later(30, 600, () -> {
            order.lastEvent = single(send(scheduled, "ShipOrder",
                    new ShipOrder(order.id, "TRK" + (100_000 + random.nextInt(900_000))), "warehouse", order.correlation));
            if (random.nextInt(100) < 5) {
                later(600, 2_000, () -> send(order.lastEvent, "CancelOrder", new CancelOrder(order.id, "arrived too late"),
                        order.user, order.correlation));
            }
        });
    }

    private void cancel(Order order, String reason) {
        EventEnvelope cancelled = single(send(order.lastEvent, "CancelOrder", new CancelOrder(order.id, reason),
                order.user, order.correlation));
        if (cancelled == null) {
            return;
        }
        order.lastEvent = cancelled;
        for (Item item : order.items) {
            send(cancelled, "ReleaseStock", new ReleaseStock(item.sku(), order.id, item.quantity()), "warehouse", order.correlation);
        }
    }

    /** Handles one command at the current time; {@code cause} null makes it a root command. */
    private CommandResult send(EventEnvelope cause, String type, Object payload, String user, String correlation) {
        CommandEnvelope command = new CommandEnvelope(uuid().toString(), type, Json.MAPPER.valueToTree(payload), user,
                correlation, cause == null ? null : cause.eventId(), clock.instant());
        return engine.commands().handle(command);
    }

    /** An event as the shop wrote it before the schema changes, caused by a command of which no journal kept a trace. */
    private EventEnvelope appendLegacy(String stream, String type, ObjectNode data, Order order) {
        NewEvent event = new NewEvent(uuid().toString(), type, null, null, 1, null, data,
                Metadata.of(order.user, order.correlation, "legacy-" + uuid()));
        long version = store.append(stream, ExpectedVersion.ANY, List.of(event)).version();
        return store.readStream(stream, version, 1, io.eventscope.engine.store.Direction.FORWARDS).get(0);
    }

    /** The one event an accepted command produced; null when it was rejected. */
    private static EventEnvelope single(CommandResult result) {
        if (result instanceof CommandResult.Accepted accepted && accepted.events().size() == 1) {
            return accepted.events().get(0);
        }
        return null;
    }

    private Address address(String user) {
        String city = CITIES[Math.floorMod(user.hashCode(), CITIES.length)];
        return new Address((1 + Math.floorMod(user.hashCode(), 90)) + " Market Street", city,
                String.valueOf(10_000 + Math.floorMod(user.hashCode(), 80_000)), "EU");
    }

    private UUID uuid() {
        return new UUID(random.nextLong(), random.nextLong());
    }

    void write(Path events, Path commands) throws IOException {
        try (Writer out = Files.newBufferedWriter(events, StandardCharsets.UTF_8)) {
            new NdjsonExporter(store, ExportFormat.NDJSON).export(EventFilter.ALL, out, ProgressMonitor.NONE);
        }
        List<JournalEntry> journal = new ArrayList<>(engine.journal().recent(0, Integer.MAX_VALUE));
        Collections.reverse(journal);
        try (Writer out = Files.newBufferedWriter(commands, StandardCharsets.UTF_8)) {
            for (JournalEntry entry : journal) {
                out.write(Json.write(entry));
                out.write('\n');
            }
        }
    }

    /** A clock the generator sets, so events carry the time of the scenario, not of the run. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException("the sample clock is UTC");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
