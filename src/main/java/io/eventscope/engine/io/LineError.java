package io.eventscope.engine.io;

/** Why one line of an import file was refused. */
public record LineError(long line, String message) {
    @Override
    public String toString() {
        return "line " + line + ": " + message;
    }
}
