package io.eventscope.engine.io;

/** A line of an import file that cannot become an event; the message says what is wrong with it. */
public class InvalidLineException extends RuntimeException {
    public InvalidLineException(String message) {
        super(message);
    }
}
