package io.eventscope.shop.saga;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One entry of a saga's log as a person reads it: which service's lane it sits in, what kind
 * of step it is, when the step began (the entry before it) and ended, and the saga's state
 * before and after it, also as indented JSON text so a window can show it without Jackson.
 */
public record SagaStepRecord(String eventId, long position, long version, String eventType, String lane,
                             StepKind kind, Instant startedAt, Instant endedAt, String detail,
                             JsonNode before, JsonNode after, String beforeText, String afterText) {
}
