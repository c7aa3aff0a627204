package io.eventscope.bridge;

/**
 * What a consume run did: messages received (redeliveries included), events stored, messages
 * recognised as already stored, and messages moved to the dead-letter queue.
 */
public record ConsumeReport(long received, long stored, long duplicates, long deadLettered) {
}
