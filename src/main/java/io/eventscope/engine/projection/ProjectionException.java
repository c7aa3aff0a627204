package io.eventscope.engine.projection;

/** A read model operation that could not be done, with a message naming the projection and what to do. */
public final class ProjectionException extends RuntimeException {
    public ProjectionException(String message) {
        super(message);
    }

    public ProjectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
