package io.eventscope.shop.inventory;

/** What is asked of the stock of one SKU. */
public sealed interface InventoryCommand permits RestockItem, ReserveStock, ReleaseStock, CommitStock {
    String sku();
}
