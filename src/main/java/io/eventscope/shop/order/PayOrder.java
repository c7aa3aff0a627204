package io.eventscope.shop.order;

import io.eventscope.shop.Check;
import java.math.BigDecimal;

public record PayOrder(String orderId, BigDecimal amount) implements OrderCommand {
    public PayOrder {
        Check.text(orderId, "orderId");
        Check.amount(amount, "amount");
    }
}
