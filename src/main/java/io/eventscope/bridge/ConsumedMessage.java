package io.eventscope.bridge;

import java.time.Instant;

/**
 * One message as the consumer handled it, for a person watching: what arrived, what became
 * of it, and why when it was not stored. {@code eventId} and {@code streamId} are null when the
 * message could not be mapped to an event.
 */
public record ConsumedMessage(Instant arrivedAt, String routingKey, String messageId, String eventId, String eventType,
                              String streamId, Outcome outcome, String reason, String body) {

    public enum Outcome { STORED, DELIVERED, DUPLICATE, RETRYING, DEAD_LETTERED }
}
