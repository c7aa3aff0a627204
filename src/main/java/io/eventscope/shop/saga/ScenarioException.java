package io.eventscope.shop.saga;

/** A scenario file that cannot be used: the message names the file, the field and what is wrong with it. */
public final class ScenarioException extends RuntimeException {
    public ScenarioException(String message) {
        super(message);
    }
}
