package io.eventscope.engine.whatif;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** What a saga does next in a branch, as a value: record an event in its log, or issue a command. */
public sealed interface SagaEffect {

    /** Appends an event to the saga's own log. */
    record Record(String eventType, JsonNode data) implements SagaEffect {
        public Record {
            Objects.requireNonNull(eventType, "eventType");
            Objects.requireNonNull(data, "data");
        }
    }

    /** Issues a command, caused by the saga's last event, in the saga's correlation. */
    record Issue(String commandType, JsonNode payload, String userId) implements SagaEffect {
        public Issue {
            Objects.requireNonNull(commandType, "commandType");
            Objects.requireNonNull(payload, "payload");
        }
    }
}
