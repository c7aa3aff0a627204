package io.eventscope.bridge;

/**
 * What a consume run did: messages received (redeliveries included), events stored (into the
 * store) or delivered (onto the bus), messages recognised as already taken, and messages moved
 * to the dead-letter queue.
 */
public record ConsumeReport(long received, long stored, long delivered, long duplicates, long deadLettered) {
}
