package io.eventscope.engine.domain;

/** A command payload that cannot become its command record; the message names the field. */
public class InvalidCommandException extends RuntimeException {
    public InvalidCommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
