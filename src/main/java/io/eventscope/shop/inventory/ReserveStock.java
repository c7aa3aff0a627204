package io.eventscope.shop.inventory;

import io.eventscope.shop.Check;

public record ReserveStock(String sku, String orderId, int quantity) implements InventoryCommand {
    public ReserveStock {
        Check.text(sku, "sku");
        Check.text(orderId, "orderId");
        Check.positive(quantity, "quantity");
    }
}
