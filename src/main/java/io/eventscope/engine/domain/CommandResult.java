package io.eventscope.engine.domain;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.store.ExpectedVersion;
import java.util.List;

/** What became of a command: its events were appended, it was rejected, or its stream moved on meanwhile. */
public sealed interface CommandResult {

    String commandId();

    default boolean accepted() {
        return this instanceof Accepted;
    }

    /** The events as stored, with their versions and positions; empty when the decider had nothing to do. */
    record Accepted(String commandId, String streamId, List<EventEnvelope> events) implements CommandResult {
        public Accepted {
            events = List.copyOf(events);
        }
    }

    /** The reason a person can read: the decider's, or what is wrong with the command itself. */
    record Rejected(String commandId, String reason) implements CommandResult {
    }

    /** Another writer appended to the stream between load and append. */
    record Conflict(String commandId, String streamId, ExpectedVersion expected, long actual) implements CommandResult {
        public String reason() {
            return "stream '" + streamId + "' was at version " + actual + ", expected " + expected;
        }
    }
}
