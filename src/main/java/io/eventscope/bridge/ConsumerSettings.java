package io.eventscope.bridge;

/**
 * Where a consumer reads: the exchange, its queue and the binding pattern (declared when
 * absent); how many times a failing message is tried before it is dead-lettered; and how many
 * messages one store commit may take.
 */
public record ConsumerSettings(String exchange, String queue, String binding, int maxAttempts, int batchSize) {
    public static final int DEFAULT_ATTEMPTS = 5;
    public static final int DEFAULT_BATCH = 500;

    public ConsumerSettings {
        requireName(exchange, "exchange");
        requireName(queue, "queue");
        requireName(binding, "binding pattern");
        if (maxAttempts < 1 || batchSize < 1) {
            throw new IllegalArgumentException("attempts and batch size must be at least 1, were " + maxAttempts
                    + " and " + batchSize);
        }
    }

    public static ConsumerSettings of(String exchange, String queue, String binding) {
        return new ConsumerSettings(exchange, queue, binding, DEFAULT_ATTEMPTS, DEFAULT_BATCH);
    }

    public String deadLetterExchange() {
        return DeadLetterQueue.exchangeFor(queue);
    }

    public String deadLetterQueue() {
        return DeadLetterQueue.queueFor(queue);
    }

    private static void requireName(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("no " + what + " given");
        }
    }
}
