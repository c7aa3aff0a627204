package io.eventscope.shop.readmodel;

import java.math.BigDecimal;
import java.time.Instant;

/** One row of order_read_model, as the seed's OrderReadModel has it; shippedAt is null until shipped. */
public record OrderView(String id, String userId, String status, BigDecimal total, int itemCount,
                        Instant createdAt, Instant shippedAt) {
}
