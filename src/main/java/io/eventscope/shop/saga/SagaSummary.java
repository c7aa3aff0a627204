package io.eventscope.shop.saga;

import io.eventscope.engine.saga.SagaStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/** One saga at the end of a run: how it ended, when, after how many service calls and compensations. */
public record SagaSummary(String orderId, String streamId, SagaMode mode, SagaStatus status, Instant startedAt,
                          Instant endedAt, int calls, int compensations, String reason, BigDecimal total) {

    /** Virtual time from the order to the saga's last event. */
    public Duration latency() {
        return Duration.between(startedAt, endedAt);
    }
}
