package io.eventscope.engine.domain;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A stream's state at a version, as JSON for display. {@code foldedBy} names the aggregate
 * type whose decider built it, or is null when the stream has no decider and its events were
 * merged as JSON.
 */
public record StreamState(String streamId, long version, long streamLength, String foldedBy, JsonNode state) {
}
