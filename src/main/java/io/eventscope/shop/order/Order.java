package io.eventscope.shop.order;

import io.eventscope.engine.domain.Decider;
import io.eventscope.engine.domain.Decision;
import io.eventscope.shop.Money;
import io.eventscope.shop.ShopAggregate;

/**
 * The order: created PENDING, then PAID with exactly its total, then SHIPPED; CANCELLED any
 * time before it ships. Streams {@code order-<orderId>}.
 */
public final class Order implements Decider<OrderCommand, OrderState, OrderEvent> {

    public static ShopAggregate<OrderCommand, OrderState, OrderEvent> type() {
        return ShopAggregate.of("order", new Order(), OrderCommand.class, OrderCommand::orderId, OrderEvent.class);
    }

    @Override
    public OrderState initialState() {
        return OrderState.NONE;
    }

    @Override
    public Decision<OrderEvent> decide(OrderCommand command, OrderState state) {
        if (command instanceof CreateOrder create) {
            if (state.exists()) {
                return Decision.reject("Order " + create.orderId() + " already exists.");
            }
            return Decision.accept(new OrderCreated(create.orderId(), create.userId(), create.items(),
                    create.shippingAddress(), Money.total(create.items()), Money.CURRENCY));
        }
        if (!state.exists()) {
            return Decision.reject("Order " + command.orderId() + " does not exist.");
        }
        if (command instanceof PayOrder pay) {
            return pay(pay, state);
        }
        if (command instanceof ShipOrder ship) {
            return ship(ship, state);
        }
        if (command instanceof CancelOrder cancel) {
            return cancel(cancel, state);
        }
        throw new IllegalArgumentException("not an order command: " + command);
    }

    private static Decision<OrderEvent> pay(PayOrder pay, OrderState state) {
        String order = "Order " + state.orderId();
        if (state.status() == OrderStatus.CANCELLED) {
            return Decision.reject(order + " is cancelled and cannot be paid.");
        }
        if (state.status() != OrderStatus.PENDING) {
            return Decision.reject(order + " is already paid.");
        }
        if (pay.amount().compareTo(state.total()) != 0) {
            return Decision.reject("Wrong amount for order " + state.orderId() + ": expected "
                    + Money.format(state.total()) + ", given " + Money.format(pay.amount()) + ".");
        }
        return Decision.accept(new OrderPaid(state.orderId(), pay.amount()));
    }

    private static Decision<OrderEvent> ship(ShipOrder ship, OrderState state) {
        String order = "Order " + state.orderId();
        if (state.status() == OrderStatus.CANCELLED) {
            return Decision.reject(order + " is cancelled and cannot be shipped.");
        }
        if (state.status() == OrderStatus.PENDING) {
            return Decision.reject(order + " is not paid yet; only a paid order ships.");
        }
        if (state.status() == OrderStatus.SHIPPED) {
            return Decision.reject(order + " has already shipped (tracking number " + state.trackingNumber() + ").");
        }
        return Decision.accept(new OrderShipped(state.orderId(), ship.trackingNumber()));
    }

    private static Decision<OrderEvent> cancel(CancelOrder cancel, OrderState state) {
        String order = "Order " + state.orderId();
        if (state.status() == OrderStatus.SHIPPED) {
            return Decision.reject(order + " has already shipped and cannot be cancelled.");
        }
        if (state.status() == OrderStatus.CANCELLED) {
            return Decision.reject(order + " is already cancelled.");
        }
        return Decision.accept(new OrderCancelled(state.orderId(), cancel.reason()));
    }

    @Override
    public OrderState evolve(OrderState state, OrderEvent event) {
        if (event instanceof OrderCreated created) {
            return state.created(created);
        }
        if (event instanceof OrderPaid paid) {
            return state.paid(paid);
        }
        if (event instanceof OrderShipped shipped) {
            return state.shipped(shipped);
        }
        if (event instanceof OrderCancelled cancelled) {
            return state.cancelled(cancelled);
        }
        throw new IllegalArgumentException("not an order event: " + event);
    }
}
