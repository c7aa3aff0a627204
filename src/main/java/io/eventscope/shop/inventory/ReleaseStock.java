package io.eventscope.shop.inventory;

import io.eventscope.shop.Check;

public record ReleaseStock(String sku, String orderId, int quantity) implements InventoryCommand {
    public ReleaseStock {
        Check.text(sku, "sku");
        Check.text(orderId, "orderId");
        Check.positive(quantity, "quantity");
    }
}
