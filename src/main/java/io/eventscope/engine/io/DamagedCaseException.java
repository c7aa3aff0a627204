package io.eventscope.engine.io;

/** A case file that cannot be trusted: not a zip, a part missing or extra, a checksum or count off, bad JSON inside. */
public class DamagedCaseException extends RuntimeException {
    public DamagedCaseException(String message) {
        super(message);
    }
}
