package io.eventscope.shop.saga;

import io.eventscope.engine.saga.SagaStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A stored saga, read back from its log: how it stands and every step it took. */
public record SagaRecord(String orderId, String streamId, String mode, SagaStatus status, String correlationId,
                         Instant startedAt, Instant endedAt, String reason, List<SagaStepRecord> steps) {

    public SagaRecord {
        steps = List.copyOf(steps);
    }

    public Duration latency() {
        return Duration.between(startedAt, endedAt);
    }
}
