package io.eventscope.engine.whatif;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import java.util.List;

/** A command's outcome on one side: the events it produced (type and data), or its rejection reason. */
public record Decided(boolean accepted, List<EventEnvelope> events, String reason) {

    public Decided {
        events = List.copyOf(events);
    }

    public static Decided accepted(List<EventEnvelope> events) {
        return new Decided(true, events, null);
    }

    public static Decided rejected(String reason) {
        return new Decided(false, List.of(), reason);
    }

    /** The events as {@code [{"type":..,"data":..}]}: what two outcomes are compared and diffed by. */
    public ArrayNode eventsJson() {
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (EventEnvelope e : events) {
            out.addObject().put("type", e.eventType()).set("data", e.data());
        }
        return out;
    }
}
