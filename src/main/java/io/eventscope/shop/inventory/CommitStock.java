package io.eventscope.shop.inventory;

import io.eventscope.shop.Check;

/** The reserved units leave the warehouse with the order's shipment: the end of a reservation that is kept. */
public record CommitStock(String sku, String orderId, int quantity) implements InventoryCommand {
    public CommitStock {
        Check.text(sku, "sku");
        Check.text(orderId, "orderId");
        Check.positive(quantity, "quantity");
    }
}
