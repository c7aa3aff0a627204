package io.eventscope.engine.store;

/** A stream and its length (= its last version). */
public record StreamInfo(String streamId, long length) {
}
