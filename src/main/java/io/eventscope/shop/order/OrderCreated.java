package io.eventscope.shop.order;

import io.eventscope.shop.Address;
import io.eventscope.shop.Item;
import io.eventscope.shop.SchemaVersion;
import java.math.BigDecimal;
import java.util.List;

/**
 * v1 had {@code total} and no address, v2 added {@code shippingAddress}, v3 replaced
 * {@code total} by {@code amount} + {@code currency}; the upcasters in shop/upcast bring old
 * events here.
 */
@SchemaVersion(3)
public record OrderCreated(String orderId, String userId, List<Item> items, Address shippingAddress,
                           BigDecimal amount, String currency) implements OrderEvent {
    public OrderCreated {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
