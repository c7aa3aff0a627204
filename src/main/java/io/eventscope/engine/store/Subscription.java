package io.eventscope.engine.store;

/** A running subscription; cancelling stops delivery (an in-flight event may still finish). */
public interface Subscription extends AutoCloseable {
    void cancel();

    boolean isCancelled();

    /** The position of the last event delivered, 0 before the first. */
    long lastDeliveredPosition();

    @Override
    default void close() {
        cancel();
    }
}
