package io.eventscope.engine.store;

/** The stream was not at the version the writer expected. */
public class ConcurrencyConflictException extends EventStoreException {
    private final String streamId;
    private final ExpectedVersion expected;
    private final long actual;

    public ConcurrencyConflictException(String streamId, ExpectedVersion expected, long actual) {
        super("Version conflict on stream '" + streamId + "': expected " + expected
                + ", actual " + (actual == 0 ? "no stream" : Long.toString(actual)));
        this.streamId = streamId;
        this.expected = expected;
        this.actual = actual;
    }

    public String streamId() {
        return streamId;
    }

    public ExpectedVersion expected() {
        return expected;
    }

    public long actual() {
        return actual;
    }
}
