package io.eventscope.shop;

import java.math.BigDecimal;

/** One line of an order. Validated where it enters as a command (CreateOrder), not here: events are facts. */
public record Item(String sku, int quantity, BigDecimal unitPrice) {

    public BigDecimal lineTotal() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
