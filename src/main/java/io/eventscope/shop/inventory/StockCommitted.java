package io.eventscope.shop.inventory;

/** Reserved units shipped: they no longer count as held, and never return to the available stock. */
public record StockCommitted(String sku, String orderId, int quantity) implements InventoryEvent {
}
