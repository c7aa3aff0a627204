package io.eventscope.shop.inventory;

import org.pcollections.PSortedMap;
import org.pcollections.TreePMap;

/**
 * The stock of one SKU: units free to reserve, and the units held per order id. The holdings
 * are a persistent sorted map, so each event shares the rest of the map instead of copying it
 * (a busy SKU's stream folds in linear time) and the JSON reads the same every time.
 */
public record InventoryState(String sku, long available, PSortedMap<String, Long> reserved) {

    public static final InventoryState NONE = new InventoryState(null, 0, TreePMap.empty());

    public long reservedFor(String orderId) {
        return reserved.getOrDefault(orderId, 0L);
    }

    InventoryState afterRestock(StockRestocked e) {
        return new InventoryState(e.sku(), available + e.quantity(), reserved);
    }

    InventoryState afterReservation(StockReserved e) {
        return new InventoryState(e.sku(), available - e.quantity(), holding(e.orderId(), reservedFor(e.orderId()) + e.quantity()));
    }

    InventoryState afterRelease(StockReleased e) {
        return new InventoryState(e.sku(), available + e.quantity(), holding(e.orderId(), reservedFor(e.orderId()) - e.quantity()));
    }

    InventoryState afterCommit(ReservationCommitted e) {
        return new InventoryState(e.sku(), available, holding(e.orderId(), reservedFor(e.orderId()) - e.quantity()));
    }

    private PSortedMap<String, Long> holding(String orderId, long quantity) {
        return quantity > 0 ? reserved.plus(orderId, quantity) : reserved.minus(orderId);
    }
}
