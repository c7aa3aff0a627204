package io.eventscope.shop.saga;

import io.eventscope.engine.domain.CommandResult;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.shop.Address;
import io.eventscope.shop.Item;
import io.eventscope.shop.Money;
import io.eventscope.shop.inventory.ReleaseStock;
import io.eventscope.shop.inventory.ReserveStock;
import io.eventscope.shop.payment.ChargePayment;
import io.eventscope.shop.payment.RefundPayment;
import io.eventscope.shop.shipment.CancelShipment;
import io.eventscope.shop.shipment.ScheduleShipment;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The inventory, payment and shipping services of the simulation, each with the state it
 * keeps: what it reserved per order, each customer's balance and what it charged per order,
 * which shipments it scheduled. Each undoes only its own work, which fixes the seed: its
 * compensation released every item and refunded the order whatever had been reserved or charged.
 */
final class SimulatedServices {
    static final Address WAREHOUSE_PICKUP = new Address("1 Dock Road", "Rotterdam", "3011", "NL");

    private final ShopCommands commands;
    private final Map<String, List<Item>> reserved = new HashMap<>();
    private final Map<String, BigDecimal> balances = new TreeMap<>();
    private final Map<String, BigDecimal> charged = new HashMap<>();
    private final Map<String, String> scheduled = new HashMap<>();

    SimulatedServices(ShopCommands commands, List<String> customers, BigDecimal balance) {
        this.commands = commands;
        customers.forEach(c -> balances.put(c, balance));
    }

    /** Each customer's balance now, by customer. */
    Map<String, BigDecimal> balances() {
        return balances;
    }

    /** Reserves every item or none: a refused item releases those reserved before it. */
    StepResult reserve(String orderId, List<Item> items, EventEnvelope cause) {
        List<Item> held = new ArrayList<>();
        EventEnvelope last = cause;
        for (Item item : items) {
            CommandResult r = commands.causedBy(cause, "inventory-service", new ReserveStock(item.sku(), orderId, item.quantity()));
            if (r instanceof CommandResult.Rejected rejected) {
                reserved.put(orderId, held);
                release(orderId, cause);
                return StepResult.failed(rejected.reason(), last);
            }
            held.add(item);
            last = lastEvent(r, last);
        }
        reserved.put(orderId, held);
        return StepResult.done(last);
    }

    /** Releases what this service holds for the order, and nothing else. */
    StepResult release(String orderId, EventEnvelope cause) {
        EventEnvelope last = cause;
        for (Item item : reserved.getOrDefault(orderId, List.of())) {
            last = lastEvent(commands.causedBy(cause, "inventory-service",
                    new ReleaseStock(item.sku(), orderId, item.quantity())), last);
        }
        reserved.remove(orderId);
        return StepResult.done(last);
    }

    /** Hands the reservation over to the shipment: the order keeps it, so the service holds nothing more. */
    void handOver(String orderId) {
        reserved.remove(orderId);
    }

    StepResult charge(String orderId, String customer, BigDecimal amount, EventEnvelope cause) {
        BigDecimal balance = balances.getOrDefault(customer, BigDecimal.ZERO);
        if (balance.compareTo(amount) < 0) {
            return StepResult.failed("The card of " + customer + " was declined: " + Money.format(amount)
                    + " asked, " + Money.format(balance) + " available.", cause);
        }
        CommandResult r = commands.causedBy(cause, "payment-service", new ChargePayment(orderId, orderId, amount));
        if (r instanceof CommandResult.Rejected rejected) {
            return StepResult.failed(rejected.reason(), cause);
        }
        balances.put(customer, balance.subtract(amount));
        charged.put(orderId, amount);
        return StepResult.done(lastEvent(r, cause));
    }

    /** Refunds what this service charged for the order, to the customer it charged; nothing when it charged nothing. */
    StepResult refund(String orderId, String customer, EventEnvelope cause) {
        BigDecimal amount = charged.remove(orderId);
        if (amount == null) {
            return StepResult.done(cause);
        }
        CommandResult r = commands.causedBy(cause, "payment-service",
                new RefundPayment(orderId, orderId, amount, "saga of order " + orderId + " compensated"));
        if (r instanceof CommandResult.Rejected rejected) {
            charged.put(orderId, amount);
            return StepResult.failed(rejected.reason(), cause);
        }
        balances.merge(customer, amount, BigDecimal::add);
        return StepResult.done(lastEvent(r, cause));
    }

    StepResult schedule(String orderId, EventEnvelope cause) {
        CommandResult r = commands.causedBy(cause, "shipping-service", new ScheduleShipment(orderId, WAREHOUSE_PICKUP));
        if (r instanceof CommandResult.Rejected rejected) {
            return StepResult.failed(rejected.reason(), cause);
        }
        scheduled.put(orderId, "TRK-" + orderId);
        return StepResult.done(lastEvent(r, cause));
    }

    String trackingNumber(String orderId) {
        return scheduled.get(orderId);
    }

    StepResult cancelShipment(String orderId, EventEnvelope cause) {
        if (scheduled.remove(orderId) == null) {
            return StepResult.done(cause);
        }
        return StepResult.done(lastEvent(commands.causedBy(cause, "shipping-service",
                new CancelShipment(orderId, "saga of order " + orderId + " compensated")), cause));
    }

    private static EventEnvelope lastEvent(CommandResult result, EventEnvelope otherwise) {
        if (result instanceof CommandResult.Accepted accepted && !accepted.events().isEmpty()) {
            return accepted.events().get(accepted.events().size() - 1);
        }
        return otherwise;
    }
}
