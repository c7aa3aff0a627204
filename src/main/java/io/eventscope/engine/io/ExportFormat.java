package io.eventscope.engine.io;

/** The shape of each exported line. */
public enum ExportFormat {
    /** One {@link io.eventscope.engine.event.EnvelopeJson} envelope per line; import reads it back. */
    NDJSON,
    /** One EventBridge PutEvents entry per line ({@link EventBridgeFormat}). */
    EVENTBRIDGE
}
