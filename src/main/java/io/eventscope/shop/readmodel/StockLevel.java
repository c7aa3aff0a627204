package io.eventscope.shop.readmodel;

/** One SKU's stock: units free to reserve and units held for orders. */
public record StockLevel(String sku, long available, long reserved) {
}
