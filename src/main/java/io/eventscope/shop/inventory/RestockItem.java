package io.eventscope.shop.inventory;

import io.eventscope.shop.Check;

public record RestockItem(String sku, int quantity) implements InventoryCommand {
    public RestockItem {
        Check.text(sku, "sku");
        Check.positive(quantity, "quantity");
    }
}
