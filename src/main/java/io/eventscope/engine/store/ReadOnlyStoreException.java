package io.eventscope.engine.store;

/** A write to a store that was opened to be looked at only; nothing was written. */
public final class ReadOnlyStoreException extends EventStoreException {
    public ReadOnlyStoreException(String message) {
        super(message);
    }
}
