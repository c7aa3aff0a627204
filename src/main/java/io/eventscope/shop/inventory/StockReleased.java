package io.eventscope.shop.inventory;

/** Reserved units go back to the available stock, e.g. when the order they were held for fails. */
public record StockReleased(String sku, String orderId, int quantity) implements InventoryEvent {
}
