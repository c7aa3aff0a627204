package io.eventscope.shop.order;

import io.eventscope.shop.Check;
import java.math.BigDecimal;

/** Pays an order its exact total; an order of free items is paid with 0. */
public record PayOrder(String orderId, BigDecimal amount) implements OrderCommand {
    public PayOrder {
        Check.text(orderId, "orderId");
        Check.cents(amount, "amount");
    }
}
