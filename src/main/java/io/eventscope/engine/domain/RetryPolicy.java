package io.eventscope.engine.domain;

/**
 * How often a command is decided again, on freshly loaded state, when its stream moved on
 * between load and append. One attempt means a conflict goes straight back to the caller.
 */
public record RetryPolicy(int maxAttempts) {
    public static final RetryPolicy NONE = new RetryPolicy(1);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
        }
    }

    public static RetryPolicy attempts(int maxAttempts) {
        return new RetryPolicy(maxAttempts);
    }
}
