package io.eventscope.engine.event;

/** Stream naming: {@code <aggregateType>-<aggregateId>}, for example {@code order-o1}. */
public final class StreamIds {
    private StreamIds() {
    }

    public static String of(String aggregateType, String aggregateId) {
        return aggregateType + "-" + aggregateId;
    }

    /** The aggregate type a stream id implies: everything before the first dash. */
    public static String aggregateType(String streamId) {
        int dash = streamId.indexOf('-');
        return dash > 0 ? streamId.substring(0, dash) : streamId;
    }

    /** The aggregate id a stream id implies: everything after the first dash. */
    public static String aggregateId(String streamId) {
        int dash = streamId.indexOf('-');
        return dash > 0 ? streamId.substring(dash + 1) : streamId;
    }
}
