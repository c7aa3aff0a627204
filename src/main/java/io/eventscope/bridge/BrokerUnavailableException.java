package io.eventscope.bridge;

/** The broker cannot be reached, or refused what was asked; the message says which broker and why, never a password. */
public final class BrokerUnavailableException extends RuntimeException {
    public BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
