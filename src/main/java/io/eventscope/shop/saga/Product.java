package io.eventscope.shop.saga;

import java.math.BigDecimal;

/** One SKU of a scenario's catalog: its unit price and the stock the warehouse starts with. */
public record Product(BigDecimal price, int stock) {
}
