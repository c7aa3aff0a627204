package io.eventscope.bridge;

import java.time.Instant;

/**
 * A message in a dead-letter queue: its own id (to retry or discard it by), why it was
 * dead-lettered after how many attempts, where it came from, and its body as text.
 */
public record DeadLetter(String id, String reason, int attempts, String exchange, String routingKey, String queue,
                         String messageId, Instant deadLetteredAt, String body) {
}
