package io.eventscope.shop.inventory;

public record StockReserved(String sku, String orderId, int quantity) implements InventoryEvent {
}
