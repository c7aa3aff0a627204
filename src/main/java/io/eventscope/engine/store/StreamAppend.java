package io.eventscope.engine.store;

import io.eventscope.engine.event.NewEvent;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The events to add to one stream, and what the writer expects the stream's version to be. */
public record StreamAppend(String streamId, ExpectedVersion expected, List<NewEvent> events) {
    public StreamAppend {
        events = List.copyOf(events);
        if (events.isEmpty()) {
            throw new IllegalArgumentException("nothing to append to stream '" + streamId + "'");
        }
        Set<String> ids = new HashSet<>();
        for (NewEvent e : events) {
            if (!ids.add(e.eventId())) {
                throw new IllegalArgumentException("event id '" + e.eventId() + "' appears twice in the append to stream '"
                        + streamId + "'");
            }
        }
    }
}
