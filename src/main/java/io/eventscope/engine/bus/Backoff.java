package io.eventscope.engine.bus;

import java.time.Duration;

/**
 * How a failing delivery is retried: up to {@code maxAttempts} in all, waiting
 * {@code initialDelay} after the first failure, multiplied by {@code multiplier} after each
 * further one, never more than {@code maxDelay}.
 */
public record Backoff(int maxAttempts, Duration initialDelay, double multiplier, Duration maxDelay) {
    public static final Backoff DEFAULT = new Backoff(5, Duration.ofMillis(200), 2.0, Duration.ofSeconds(5));

    public Backoff {
        if (maxAttempts < 1 || multiplier < 1.0 || initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("backoff needs maxAttempts >= 1, multiplier >= 1 and "
                    + "0 <= initialDelay <= maxDelay, was " + this);
        }
    }

    /** The wait after failed attempt number {@code attempt} (1-based). */
    public Duration delayAfter(int attempt) {
        double millis = initialDelay.toMillis() * Math.pow(multiplier, attempt - 1);
        return Duration.ofMillis((long) Math.min(millis, maxDelay.toMillis()));
    }
}
