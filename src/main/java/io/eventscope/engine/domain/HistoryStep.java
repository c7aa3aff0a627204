package io.eventscope.engine.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.engine.event.EventEnvelope;

/**
 * One event of a stream with the state before and after it, and what it changed as RFC 6902
 * operations (a JSON array of {op, path, value}).
 */
public record HistoryStep(EventEnvelope event, JsonNode before, JsonNode after, JsonNode changes) {
}
