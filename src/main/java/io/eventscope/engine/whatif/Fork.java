package io.eventscope.engine.whatif;

import java.util.Objects;

/**
 * A question to the past: keep everything in {@code scope} up to global position
 * {@code position}, change it there, and decide again every journaled command after it.
 */
public record Fork(long position, Scope scope, Change change) {

    public Fork {
        Objects.requireNonNull(scope, "scope");
        change = change == null ? new Change.Keep() : change;
        if (position < 1) {
            throw new IllegalArgumentException("the fork position must be 1 or more, was " + position);
        }
    }
}
