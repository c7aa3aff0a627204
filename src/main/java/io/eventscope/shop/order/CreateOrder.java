package io.eventscope.shop.order;

import io.eventscope.shop.Address;
import io.eventscope.shop.Check;
import io.eventscope.shop.Item;
import io.eventscope.shop.form.OptionalField;
import java.util.List;
import java.util.UUID;

public record CreateOrder(
        @OptionalField("generated when absent") String orderId,
        String userId,
        List<Item> items,
        @OptionalField("where to ship; may be given later to the shipment") Address shippingAddress)
        implements OrderCommand {

    public CreateOrder {
        orderId = orderId == null || orderId.isBlank() ? UUID.randomUUID().toString() : orderId;
        Check.text(userId, "userId");
        if (items == null || items.isEmpty()) {
            throw new IllegalArgumentException("items: an order needs at least one item");
        }
        for (int i = 0; i < items.size(); i++) {
            String at = "items[" + i + "]";
            Item item = Check.required(items.get(i), at);
            Check.text(item.sku(), at + ".sku");
            Check.positive(item.quantity(), at + ".quantity");
            Check.notNegative(item.unitPrice(), at + ".unitPrice");
        }
        items = List.copyOf(items);
        if (shippingAddress != null) {
            shippingAddress.checkComplete("shippingAddress");
        }
    }
}
