package io.eventscope.engine.store;

/**
 * Where an append landed: the stream's new last version and the global position of the
 * last event written.
 */
public record AppendResult(String streamId, long version, long position) {
}
