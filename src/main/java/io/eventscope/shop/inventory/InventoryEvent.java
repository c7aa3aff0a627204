package io.eventscope.shop.inventory;

/** What happened to the stock of one SKU. */
public sealed interface InventoryEvent permits StockRestocked, StockReserved, StockReleased, ReservationCommitted {
    String sku();
}
