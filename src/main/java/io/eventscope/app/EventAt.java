package io.eventscope.app;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.store.EventStore;
import java.util.NoSuchElementException;

/** Reading the event at a global position for a view, and saying so when there is none. */
public final class EventAt {
    private EventAt() {
    }

    /** The event at {@code position}; off the FX thread. */
    public static EventEnvelope read(EventStore store, long position) {
        return store.eventAt(position).orElseThrow(() -> new NoSuchElementException(none(position)));
    }

    /** What a view says when no event is at {@code position}. */
    public static String none(long position) {
        return "No event at position " + position;
    }
}
