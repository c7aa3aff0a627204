package io.eventscope.shop.inventory;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The stock of one SKU: units free to reserve, and the units held per order id (sorted, so the
 * JSON reads the same every time).
 */
public record InventoryState(String sku, long available, SortedMap<String, Long> reserved) {

    public static final InventoryState NONE = new InventoryState(null, 0, new TreeMap<>());

    public InventoryState {
        reserved = Collections.unmodifiableSortedMap(new TreeMap<>(reserved));
    }

    public long reservedFor(String orderId) {
        return reserved.getOrDefault(orderId, 0L);
    }

    InventoryState afterRestock(StockRestocked e) {
        return new InventoryState(e.sku(), available + e.quantity(), reserved);
    }

    InventoryState afterReservation(StockReserved e) {
        return new InventoryState(e.sku(), available - e.quantity(), withHeld(e.orderId(), reservedFor(e.orderId()) + e.quantity()));
    }

    InventoryState afterRelease(StockReleased e) {
        return new InventoryState(e.sku(), available + e.quantity(), withHeld(e.orderId(), reservedFor(e.orderId()) - e.quantity()));
    }

    private SortedMap<String, Long> withHeld(String orderId, long quantity) {
        SortedMap<String, Long> next = new TreeMap<>(reserved);
        if (quantity > 0) {
            next.put(orderId, quantity);
        } else {
            next.remove(orderId);
        }
        return next;
    }
}
