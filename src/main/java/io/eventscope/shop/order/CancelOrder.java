package io.eventscope.shop.order;

import io.eventscope.shop.Check;

public record CancelOrder(String orderId, String reason) implements OrderCommand {
    public CancelOrder {
        Check.text(orderId, "orderId");
        Check.text(reason, "reason");
    }
}
