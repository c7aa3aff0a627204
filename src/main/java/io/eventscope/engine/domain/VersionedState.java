package io.eventscope.engine.domain;

/** A stream's state after its first {@code version} events (0: the initial state). */
public record VersionedState<S>(long version, S state) {
}
