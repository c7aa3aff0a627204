package io.eventscope.engine.store;

import io.eventscope.engine.event.NewEvent;
import java.util.List;

/** The events to add to one stream, and what the writer expects the stream's version to be. */
public record StreamAppend(String streamId, ExpectedVersion expected, List<NewEvent> events) {
    public StreamAppend {
        events = List.copyOf(events);
        if (events.isEmpty()) {
            throw new IllegalArgumentException("nothing to append to stream '" + streamId + "'");
        }
    }
}
