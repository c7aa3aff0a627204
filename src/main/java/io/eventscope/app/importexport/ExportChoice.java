package io.eventscope.app.importexport;

import io.eventscope.engine.io.ExportFormat;
import io.eventscope.engine.store.EventFilter;

/**
 * What a person asked to export: the whole store, one stream or one correlation chain, as
 * NDJSON envelopes or EventBridge PutEvents entries.
 *
 * @param value the stream id or correlation id; ignored for the whole store
 */
public record ExportChoice(Scope scope, String value, ExportFormat format) {

    public enum Scope { STORE, STREAM, CORRELATION }

    public ExportChoice {
        value = value == null ? "" : value.trim();
        if (scope == Scope.STREAM && value.isEmpty()) {
            throw new IllegalArgumentException("Name the stream to export");
        }
        if (scope == Scope.CORRELATION && value.isEmpty()) {
            throw new IllegalArgumentException("Name the correlation id to export");
        }
    }

    EventFilter filter() {
        if (scope == Scope.STREAM) {
            return EventFilter.stream(value);
        }
        if (scope == Scope.CORRELATION) {
            return EventFilter.correlation(value);
        }
        return EventFilter.ALL;
    }

    /** "the whole store", "stream order-o1", "correlation corr-1". */
    public String describe() {
        if (scope == Scope.STREAM) {
            return "stream " + value;
        }
        if (scope == Scope.CORRELATION) {
            return "correlation " + value;
        }
        return "the whole store";
    }
}
