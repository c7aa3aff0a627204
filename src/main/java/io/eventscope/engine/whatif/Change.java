package io.eventscope.engine.whatif;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.engine.domain.CommandEnvelope;
import java.util.Objects;

/** What a fork changes in the past, at its fork point. */
public sealed interface Change {

    /** Nothing: the branch replays what happened, a check that re-deciding is faithful. */
    record Keep() implements Change {
    }

    /** The event never happened. */
    record Skip(String eventId) implements Change {
        public Skip {
            Objects.requireNonNull(eventId, "eventId");
        }
    }

    /** The event said something else; {@code data} must keep the event's shape. */
    record Replace(String eventId, JsonNode data) implements Change {
        public Replace {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(data, "data");
        }
    }

    /** One more command, decided right after the fork point. */
    record Insert(CommandEnvelope command) implements Change {
        public Insert {
            Objects.requireNonNull(command, "command");
        }
    }
}
