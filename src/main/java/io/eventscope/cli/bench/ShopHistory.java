package io.eventscope.cli.bench;

import io.eventscope.engine.domain.AggregateType;
import io.eventscope.engine.event.Metadata;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.event.StreamIds;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.StreamAppend;
import io.eventscope.shop.Item;
import io.eventscope.shop.inventory.Inventory;
import io.eventscope.shop.inventory.InventoryEvent;
import io.eventscope.shop.inventory.StockReleased;
import io.eventscope.shop.inventory.StockReserved;
import io.eventscope.shop.inventory.StockRestocked;
import io.eventscope.shop.order.Order;
import io.eventscope.shop.order.OrderCancelled;
import io.eventscope.shop.order.OrderCreated;
import io.eventscope.shop.order.OrderEvent;
import io.eventscope.shop.order.OrderPaid;
import io.eventscope.shop.order.OrderShipped;
import io.eventscope.shop.payment.Payment;
import io.eventscope.shop.payment.PaymentCaptured;
import io.eventscope.shop.payment.PaymentEvent;
import io.eventscope.shop.saga.SagaEvent;
import io.eventscope.shop.saga.SagaEvent.InventoryReserved;
import io.eventscope.shop.saga.SagaEvent.PaymentCharged;
import io.eventscope.shop.saga.SagaEvent.PaymentFailed;
import io.eventscope.shop.saga.SagaEvent.SagaCompensated;
import io.eventscope.shop.saga.SagaEvent.SagaCompleted;
import io.eventscope.shop.saga.SagaEvent.SagaStarted;
import io.eventscope.shop.saga.SagaEvent.ShippingScheduled;
import io.eventscope.shop.saga.SagaEvent.StepCompensated;
import io.eventscope.shop.saga.SagaLog;
import io.eventscope.shop.saga.SagaStep;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shop's own events, current schema, as sagas leave them, for the read-model figures: each
 * order is created, paid and shipped, with its stock reservation, payment and saga log (about
 * ten events); every tenth one fails payment, is cancelled and has its stock released. Every
 * event is one the shop's projections apply.
 */
final class ShopHistory {
    static final int ORDERS_PER_BATCH = 10;
    private static final int SKUS = 50;
    private static final int INITIAL_STOCK = 1_000_000_000;

    private ShopHistory() {
    }

    /** The first batch of a store: every SKU restocked. */
    static List<StreamAppend> restock() {
        List<StreamAppend> out = new ArrayList<>();
        for (int i = 0; i < SKUS; i++) {
            out.add(append(Inventory.type(), StreamIds.of(Inventory.type().name(), sku(i)), ExpectedVersion.ANY,
                    List.of(new StockRestocked(sku(i), INITIAL_STOCK)), "restock-" + i, "warehouse"));
        }
        return out;
    }

    /** {@link #ORDERS_PER_BATCH} orders from {@code firstOrder} on, as one atomic append of about 100 events. */
    static List<StreamAppend> orders(long firstOrder) {
        List<StreamAppend> out = new ArrayList<>();
        Map<String, List<InventoryEvent>> stock = new LinkedHashMap<>();
        Map<String, String> stockCorrelation = new LinkedHashMap<>();
        for (long n = firstOrder; n < firstOrder + ORDERS_PER_BATCH; n++) {
            String orderId = "o-" + n;
            String user = "user-" + n % 5_000;
            String correlation = "corr-" + orderId;
            boolean fails = n % 10 == 9;
            List<Item> items = new ArrayList<>();
            for (int line = 0; line <= n % 3; line++) {
                items.add(new Item(sku((int) ((n * 7 + line) % SKUS)), 1 + (int) (n % 4),
                        BigDecimal.valueOf(250 + (n + line) % 9_000, 2)));
            }
            BigDecimal total = items.stream().map(Item::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
            List<OrderEvent> order = new ArrayList<>();
            order.add(new OrderCreated(orderId, user, items, null, total, "EUR"));
            List<SagaEvent> saga = new ArrayList<>();
            saga.add(new SagaStarted(orderId, "orchestration", user, total, items));
            saga.add(new InventoryReserved(orderId, user, total, items));
            for (Item item : items) {
                stock.computeIfAbsent(item.sku(), s -> new ArrayList<>())
                        .add(new StockReserved(item.sku(), orderId, item.quantity()));
                stockCorrelation.putIfAbsent(item.sku(), correlation);
            }
            if (fails) {
                saga.add(new PaymentFailed(orderId, "card declined", false));
                saga.add(new StepCompensated(orderId, SagaStep.RESERVE, 1));
                saga.add(new SagaCompensated(orderId, "card declined"));
                order.add(new OrderCancelled(orderId, "card declined"));
                for (Item item : items) {
                    stock.get(item.sku()).add(new StockReleased(item.sku(), orderId, item.quantity()));
                }
            } else {
                String paymentId = "pay-" + n;
                saga.add(new PaymentCharged(orderId, paymentId, total));
                saga.add(new ShippingScheduled(orderId, "T-" + n));
                saga.add(new SagaCompleted(orderId));
                order.add(new OrderPaid(orderId, total));
                order.add(new OrderShipped(orderId, "T-" + n));
                out.add(append(Payment.type(), StreamIds.of(Payment.type().name(), paymentId), ExpectedVersion.NO_STREAM,
                        List.of(new PaymentCaptured(paymentId, orderId, total, "EUR")), correlation, "svc-payment"));
            }
            out.add(append(Order.type(), StreamIds.of(Order.type().name(), orderId), ExpectedVersion.NO_STREAM, order,
                    correlation, user));
            out.add(append(SagaLog.type(), StreamIds.of(SagaLog.NAME, orderId), ExpectedVersion.NO_STREAM, saga,
                    correlation, "saga"));
        }
        stock.forEach((sku, events) -> out.add(append(Inventory.type(), StreamIds.of(Inventory.type().name(), sku),
                ExpectedVersion.ANY, events, stockCorrelation.get(sku), "svc-inventory")));
        return out;
    }

    private static String sku(int i) {
        return "SKU-" + (1000 + i);
    }

    private static <E> StreamAppend append(AggregateType<?, ?, E> type, String streamId, ExpectedVersion expected,
                                           List<? extends E> events, String correlationId, String user) {
        List<NewEvent> out = new ArrayList<>(events.size());
        for (E e : events) {
            out.add(new NewEvent(null, type.events().typeName(e), null, null, type.events().schemaVersion(e), null,
                    type.events().toJson(e), Metadata.of(user, correlationId, null)));
        }
        return new StreamAppend(streamId, expected, out);
    }
}
