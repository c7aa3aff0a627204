package io.eventscope.shop.inventory;

public record StockRestocked(String sku, int quantity) implements InventoryEvent {
}
