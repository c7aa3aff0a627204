package io.eventscope.engine.store;

/**
 * What the writer believes about the stream before appending: anything, that it does not
 * exist, that it exists, or that its last version is exactly {@code n}.
 */
public record ExpectedVersion(Kind kind, long version) {

    public enum Kind { ANY, NO_STREAM, STREAM_EXISTS, EXACT }

    public static final ExpectedVersion ANY = new ExpectedVersion(Kind.ANY, -1);
    public static final ExpectedVersion NO_STREAM = new ExpectedVersion(Kind.NO_STREAM, 0);
    public static final ExpectedVersion STREAM_EXISTS = new ExpectedVersion(Kind.STREAM_EXISTS, -1);

    public static ExpectedVersion exactly(long version) {
        if (version < 0) {
            throw new IllegalArgumentException("expected version must be >= 0, was " + version);
        }
        return version == 0 ? NO_STREAM : new ExpectedVersion(Kind.EXACT, version);
    }

    /** Parses {@code any}, {@code no-stream}, {@code exists} or a number, as the command line takes it. */
    public static ExpectedVersion parse(String text) {
        switch (text.trim().toLowerCase()) {
            case "any":
                return ANY;
            case "no-stream":
                return NO_STREAM;
            case "exists":
                return STREAM_EXISTS;
            default:
                try {
                    return exactly(Long.parseLong(text.trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(
                            "expected version must be any, no-stream, exists or a number, was '" + text + "'");
                }
        }
    }

    /** True when a stream whose last version is {@code actual} (0 = absent) satisfies this. */
    public boolean accepts(long actual) {
        switch (kind) {
            case ANY:
                return true;
            case NO_STREAM:
                return actual == 0;
            case STREAM_EXISTS:
                return actual > 0;
            default:
                return actual == version;
        }
    }

    @Override
    public String toString() {
        switch (kind) {
            case ANY:
                return "any";
            case NO_STREAM:
                return "no-stream";
            case STREAM_EXISTS:
                return "exists";
            default:
                return Long.toString(version);
        }
    }
}
