package io.eventscope.shop.inventory;

import io.eventscope.engine.domain.Decider;
import io.eventscope.engine.domain.Decision;
import io.eventscope.shop.ShopAggregate;

/**
 * The stock of one SKU (stream {@code inventory-<sku>}): restocked, reserved for orders and
 * released again, or committed when the order ships (without that end a shipped order's units
 * stayed held forever). Available stock never goes below zero; only what an order holds can be
 * released or committed for it.
 */
public final class Inventory implements Decider<InventoryCommand, InventoryState, InventoryEvent> {

    public static ShopAggregate<InventoryCommand, InventoryState, InventoryEvent> type() {
        return ShopAggregate.of("inventory", new Inventory(), InventoryCommand.class, InventoryCommand::sku,
                InventoryEvent.class);
    }

    @Override
    public InventoryState initialState() {
        return InventoryState.NONE;
    }

    @Override
    public Decision<InventoryEvent> decide(InventoryCommand command, InventoryState state) {
        if (command instanceof RestockItem restock) {
            return Decision.accept(new StockRestocked(restock.sku(), restock.quantity()));
        }
        if (command instanceof ReserveStock reserve) {
            if (reserve.quantity() > state.available()) {
                return Decision.reject("Not enough stock of " + reserve.sku() + " for order " + reserve.orderId()
                        + ": " + reserve.quantity() + " requested, " + state.available() + " available.");
            }
            return Decision.accept(new StockReserved(reserve.sku(), reserve.orderId(), reserve.quantity()));
        }
        if (command instanceof ReleaseStock release) {
            long held = state.reservedFor(release.orderId());
            if (release.quantity() > held) {
                return Decision.reject("Order " + release.orderId() + " holds " + held + " of " + release.sku()
                        + "; cannot release " + release.quantity() + ".");
            }
            return Decision.accept(new StockReleased(release.sku(), release.orderId(), release.quantity()));
        }
        if (command instanceof CommitStock commit) {
            long held = state.reservedFor(commit.orderId());
            if (commit.quantity() > held) {
                return Decision.reject("Order " + commit.orderId() + " holds " + held + " of " + commit.sku()
                        + "; cannot commit " + commit.quantity() + ".");
            }
            return Decision.accept(new ReservationCommitted(commit.sku(), commit.orderId(), commit.quantity()));
        }
        throw new IllegalArgumentException("not an inventory command: " + command);
    }

    @Override
    public InventoryState evolve(InventoryState state, InventoryEvent event) {
        if (event instanceof StockRestocked restocked) {
            return state.afterRestock(restocked);
        }
        if (event instanceof StockReserved reserved) {
            return state.afterReservation(reserved);
        }
        if (event instanceof StockReleased released) {
            return state.afterRelease(released);
        }
        if (event instanceof ReservationCommitted committed) {
            return state.afterCommit(committed);
        }
        throw new IllegalArgumentException("not an inventory event: " + event);
    }
}
