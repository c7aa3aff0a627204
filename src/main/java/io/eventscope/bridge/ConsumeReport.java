package io.eventscope.bridge;

/**
 * What a consume run did: messages received (redeliveries included), events stored (into the
 * store) or delivered (onto the bus), messages recognised as already taken, and messages moved
 * to the dead-letter queue; {@code reconnects} counts the connections lost and opened again on the
 * way (what was taken but not yet acknowledged then came again, and was recognised).
 */
public record ConsumeReport(long received, long stored, long delivered, long duplicates, long deadLettered,
                            int reconnects) {
}
