package io.eventscope.shop.shipment;

import io.eventscope.engine.domain.Decider;
import io.eventscope.engine.domain.Decision;
import io.eventscope.shop.ShopAggregate;

/**
 * The shipment of one order (stream {@code shipment-<orderId>}): scheduled once, and cancelled
 * at most once. A cancelled shipment stays cancelled.
 */
public final class Shipment implements Decider<ShipmentCommand, ShipmentState, ShipmentEvent> {

    public static ShopAggregate<ShipmentCommand, ShipmentState, ShipmentEvent> type() {
        return ShopAggregate.of("shipment", new Shipment(), ShipmentCommand.class, ShipmentCommand::orderId,
                ShipmentEvent.class);
    }

    @Override
    public ShipmentState initialState() {
        return ShipmentState.NONE;
    }

    @Override
    public Decision<ShipmentEvent> decide(ShipmentCommand command, ShipmentState state) {
        String shipment = "The shipment of order " + command.orderId();
        if (command instanceof ScheduleShipment schedule) {
            if (state.status() == ShipmentStatus.SCHEDULED) {
                return Decision.reject(shipment + " is already scheduled.");
            }
            if (state.status() == ShipmentStatus.CANCELLED) {
                return Decision.reject(shipment + " was cancelled (" + state.cancelReason() + ").");
            }
            return Decision.accept(new ShipmentScheduled(schedule.orderId(), schedule.address()));
        }
        if (command instanceof CancelShipment cancel) {
            if (state.status() == null) {
                return Decision.reject("No shipment is scheduled for order " + cancel.orderId() + ".");
            }
            if (state.status() == ShipmentStatus.CANCELLED) {
                return Decision.reject(shipment + " is already cancelled.");
            }
            return Decision.accept(new ShipmentCancelled(cancel.orderId(), cancel.reason()));
        }
        throw new IllegalArgumentException("not a shipment command: " + command);
    }

    @Override
    public ShipmentState evolve(ShipmentState state, ShipmentEvent event) {
        if (event instanceof ShipmentScheduled scheduled) {
            return state.scheduled(scheduled);
        }
        if (event instanceof ShipmentCancelled cancelled) {
            return state.cancelled(cancelled);
        }
        throw new IllegalArgumentException("not a shipment event: " + event);
    }
}
