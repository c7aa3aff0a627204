package io.eventscope.shop.saga;

import io.eventscope.engine.store.LogPages;
import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.saga.SagaStatus;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.EventStore;
import io.eventscope.shop.inventory.Inventory;
import io.eventscope.shop.inventory.InventoryEvent;
import io.eventscope.shop.inventory.InventoryState;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks a finished run against what must hold whatever failed: stock and money are
 * conserved, no reservation is left behind, nothing is charged without an order that was kept,
 * nothing is refunded that was not charged, and every saga ended. Reads the run's events, not
 * the sagas' own bookkeeping, and folds the stock through the Inventory decider. A saga that
 * needs intervention is allowed to hold stock or money: it is flagged, which is the point.
 */
final class Invariants {
    private final Map<String, Long> restocked = new TreeMap<>();
    private final Map<String, Long> shippedUnits = new TreeMap<>();
    private final Map<String, Map<String, Long>> held = new TreeMap<>();
    private final Map<String, BigDecimal> captured = new HashMap<>();
    private final Map<String, BigDecimal> refunded = new HashMap<>();
    private final Map<String, String> orderStatus = new HashMap<>();
    private final Map<String, String> orderCustomer = new HashMap<>();
    private final Map<String, BigDecimal> orderTotal = new HashMap<>();
    private final Map<String, InventoryState> stock = new TreeMap<>();
    private final List<String> unbackedRefunds = new ArrayList<>();

    private Invariants() {
    }

    static List<Invariant> check(SimulationRun run) {
        Invariants facts = new Invariants();
        facts.read(run.store());
        return facts.judge(run);
    }

    private void read(EventStore store) {
        Inventory inventory = new Inventory();
        LogPages.forEach(store, EventFilter.ALL, 1, EventStore.PAGE, page -> {
            for (EventEnvelope e : page) {
                JsonNode d = e.data();
                switch (e.eventType()) {
                    case "StockRestocked" -> restocked.merge(d.get("sku").asText(), d.get("quantity").asLong(), Long::sum);
                    case "StockReserved" -> hold(d, 1);
                    case "StockReleased" -> hold(d, -1);
                    case "ReservationCommitted" -> {
                        hold(d, -1);
                        shippedUnits.merge(d.get("sku").asText(), d.get("quantity").asLong(), Long::sum);
                    }
                    case "PaymentCaptured" -> captured.merge(d.get("orderId").asText(), d.get("amount").decimalValue(), BigDecimal::add);
                    case "PaymentRefunded" -> refund(d);
                    case "OrderCreated" -> {
                        orderStatus.put(d.get("orderId").asText(), "PENDING");
                        orderCustomer.put(d.get("orderId").asText(), d.get("userId").asText());
                        orderTotal.put(d.get("orderId").asText(), d.get("amount").decimalValue());
                    }
                    case "OrderShipped" -> orderStatus.put(d.get("orderId").asText(), "SHIPPED");
                    case "OrderCancelled" -> orderStatus.put(d.get("orderId").asText(), "CANCELLED");
                    default -> { }
                }
                if ("inventory".equals(e.aggregateType())) {
                    InventoryEvent event = Inventory.type().events().fromJson(e.eventType(), d);
                    stock.put(e.aggregateId(), inventory.evolve(stock.getOrDefault(e.aggregateId(), InventoryState.NONE), event));
                }
            }
            return true;
        });
    }

    private void hold(JsonNode d, long sign) {
        held.computeIfAbsent(d.get("orderId").asText(), o -> new TreeMap<>())
                .merge(d.get("sku").asText(), sign * d.get("quantity").asLong(), Long::sum);
    }

    private void refund(JsonNode d) {
        String order = d.get("orderId").asText();
        BigDecimal total = refunded.merge(order, d.get("amount").decimalValue(), BigDecimal::add);
        if (total.compareTo(captured.getOrDefault(order, BigDecimal.ZERO)) > 0) {
            unbackedRefunds.add("order " + order + ": " + total + " refunded, " + captured.getOrDefault(order, BigDecimal.ZERO)
                    + " captured");
        }
    }

    private BigDecimal net(String order) {
        return captured.getOrDefault(order, BigDecimal.ZERO).subtract(refunded.getOrDefault(order, BigDecimal.ZERO));
    }

    private long unitsHeld(String order) {
        return held.getOrDefault(order, Map.of()).values().stream().mapToLong(Long::longValue).sum();
    }

    private List<Invariant> judge(SimulationRun run) {
        List<String> stockLost = new ArrayList<>();
        restocked.forEach((sku, in) -> {
            long heldNow = held.values().stream().mapToLong(m -> m.getOrDefault(sku, 0L)).sum();
            long available = stock.getOrDefault(sku, InventoryState.NONE).available();
            long out = shippedUnits.getOrDefault(sku, 0L);
            if (in != available + heldNow + out) {
                stockLost.add(sku + ": " + in + " restocked, but " + available + " available + " + heldNow + " held + "
                        + out + " shipped");
            }
        });
        List<String> leaked = new ArrayList<>();
        List<String> chargedWithoutOrder = new ArrayList<>();
        List<String> unfinished = new ArrayList<>();
        for (SagaSummary saga : run.sagas()) {
            String order = saga.orderId();
            boolean flagged = saga.status() == SagaStatus.NEEDS_INTERVENTION;
            if (!saga.status().isFinal()) {
                unfinished.add("saga " + order + " is still " + saga.status());
                continue;
            }
            if (!flagged && saga.status() == SagaStatus.COMPENSATED && unitsHeld(order) != 0) {
                leaked.add("order " + order + " still holds " + held.get(order) + " after its saga was compensated");
            }
            if (!flagged && saga.status() == SagaStatus.COMPLETED && unitsHeld(order) != 0) {
                leaked.add("order " + order + " shipped but still holds " + held.get(order));
            }
            boolean kept = "SHIPPED".equals(orderStatus.get(order));
            if (!flagged && !kept && net(order).signum() != 0) {
                chargedWithoutOrder.add("order " + order + " is " + orderStatus.get(order) + " but " + net(order) + " stays charged");
            }
            if (kept && net(order).compareTo(orderTotal.get(order)) != 0) {
                chargedWithoutOrder.add("order " + order + " shipped with " + net(order) + " charged of " + orderTotal.get(order));
            }
        }
        Map<String, BigDecimal> netByCustomer = new TreeMap<>();
        orderCustomer.forEach((order, customer) -> netByCustomer.merge(customer, net(order), BigDecimal::add));
        List<String> moneyLost = new ArrayList<>();
        for (String customer : run.customers()) {
            BigDecimal now = run.balances().get(customer).add(netByCustomer.getOrDefault(customer, BigDecimal.ZERO));
            if (now.compareTo(run.scenario().customerBalance()) != 0) {
                moneyLost.add(customer + ": balance " + run.balances().get(customer) + " + charged "
                        + netByCustomer.getOrDefault(customer, BigDecimal.ZERO) + " != " + run.scenario().customerBalance());
            }
        }
        return List.of(
                new Invariant("stock is conserved", stockLost),
                new Invariant("no reservation leaked", leaked),
                new Invariant("nothing charged without a kept order", chargedWithoutOrder),
                new Invariant("no refund without a charge", unbackedRefunds),
                new Invariant("money is conserved", moneyLost),
                new Invariant("every saga ended", run.cancelled() ? List.of() : unfinished));
    }
}
