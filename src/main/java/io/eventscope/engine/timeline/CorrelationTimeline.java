package io.eventscope.engine.timeline;

import io.eventscope.engine.store.LogPages;
import io.eventscope.engine.domain.StreamState;
import io.eventscope.engine.domain.TimeTravel;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.EventStore;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Everything one correlation ID touched (an order's whole saga), scrubbed by global position:
 * step 0 is just before its first event, step i just after its i-th. At each step every stream
 * it touched shows its real state at that position, including the effects of other
 * correlations' events on shared streams (a stock item many orders reserve).
 */
public final class CorrelationTimeline {

    private final EventStore store;
    private final TimeTravel timeTravel;
    private final String correlationId;
    private final List<EventEnvelope> events;
    private final List<String> streams;

    private CorrelationTimeline(EventStore store, TimeTravel timeTravel, String correlationId, List<EventEnvelope> events) {
        this.store = store;
        this.timeTravel = timeTravel;
        this.correlationId = correlationId;
        this.events = List.copyOf(events);
        LinkedHashSet<String> touched = new LinkedHashSet<>();
        events.forEach(e -> touched.add(e.streamId()));
        this.streams = List.copyOf(touched);
    }

    /** Reads the correlation's events; fails naming the ID when there are none. */
    public static CorrelationTimeline load(EventStore store, TimeTravel timeTravel, String correlationId) {
        List<EventEnvelope> events = LogPages.all(store, EventFilter.correlation(correlationId));
        if (events.isEmpty()) {
            throw new IllegalArgumentException("no events with correlation ID '" + correlationId + "' in " + store.describe());
        }
        return new CorrelationTimeline(store, timeTravel, correlationId, events);
    }

    public String correlationId() {
        return correlationId;
    }

    /** The correlation's events in position order; step i is just after {@code events().get(i - 1)}. */
    public List<EventEnvelope> events() {
        return events;
    }

    /** The streams it touched, in the order it first touched them. */
    public List<String> streams() {
        return streams;
    }

    /** The last step: just after the correlation's last event. */
    public int lastStep() {
        return events.size();
    }

    /** The global position of a step. */
    public long positionAt(int step) {
        if (step < 0 || step > events.size()) {
            throw new IllegalArgumentException("step " + step + " is outside correlation '" + correlationId
                    + "', which has steps 0 to " + events.size());
        }
        return step == 0 ? events.get(0).position() - 1 : events.get(step - 1).position();
    }

    /** Every touched stream's state at a step; a stream not yet begun is at version 0. */
    public List<AggregateAt> statesAt(int step) {
        long position = positionAt(step);
        EventEnvelope current = step == 0 ? null : events.get(step - 1);
        List<AggregateAt> states = new ArrayList<>();
        for (String stream : streams) {
            StreamState state = timeTravel.stateAt(stream, versionAt(stream, position));
            states.add(new AggregateAt(state, current != null && current.streamId().equals(stream) ? current : null));
        }
        return states;
    }

    /** The stream's version at a global position: a binary search over its events' positions. */
    long versionAt(String streamId, long position) {
        long low = 0;
        long high = store.streamVersion(streamId);
        while (low < high) {
            long mid = (low + high + 1) / 2;
            long midPosition = store.readStream(streamId, mid, 1, Direction.FORWARDS).get(0).position();
            if (midPosition <= position) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    /** One stream's state at a step, with the event of that step when it landed in this stream. */
    public record AggregateAt(StreamState state, EventEnvelope eventHere) {
        public boolean changedHere() {
            return eventHere != null;
        }
    }
}
