package io.eventscope.engine.projection;

/** The database refused a statement typed into the console because the console may only read. */
public final class ReadOnlyViolation extends RuntimeException {
    public ReadOnlyViolation(String message, Throwable cause) {
        super(message, cause);
    }
}
