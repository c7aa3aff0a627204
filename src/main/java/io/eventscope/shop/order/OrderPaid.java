package io.eventscope.shop.order;

import java.math.BigDecimal;

public record OrderPaid(String orderId, BigDecimal amount) implements OrderEvent {
}
