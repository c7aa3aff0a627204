package io.eventscope.shop.inventory;

/**
 * Reserved units shipped: they no longer count as held, and never return to the available
 * stock. (Not StockCommitted: {@code generate} uses that name for its synthetic streams.)
 */
public record ReservationCommitted(String sku, String orderId, int quantity) implements InventoryEvent {
}
