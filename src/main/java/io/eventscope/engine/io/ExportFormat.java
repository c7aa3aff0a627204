package io.eventscope.engine.io;

/** The shape of each exported line. */
public enum ExportFormat {
    /** One {@link EnvelopeFormat} envelope per line; import reads it back. */
    NDJSON,
    /** One EventBridge PutEvents entry per line ({@link EventBridgeFormat}). */
    EVENTBRIDGE
}
