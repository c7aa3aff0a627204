package io.eventscope.app.events;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.RawEvent;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.ForwardingEventStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A store that remembers every read of the global log, parsed or raw, so a test can see what was read and how much. */
final class ReadsRecorded extends ForwardingEventStore {
    record Read(long fromPosition, int limit, Direction direction) {
    }

    private final List<Read> reads = new CopyOnWriteArrayList<>();

    ReadsRecorded(EventStore store) {
        super(store);
    }

    List<Read> reads() {
        return List.copyOf(reads);
    }

    @Override
    public List<EventEnvelope> read(EventFilter filter, long fromPosition, int limit, Direction direction) {
        reads.add(new Read(fromPosition, limit, direction));
        return super.read(filter, fromPosition, limit, direction);
    }

    @Override
    public List<RawEvent> readRaw(EventFilter filter, long fromPosition, int limit) {
        reads.add(new Read(fromPosition, limit, Direction.FORWARDS));
        return super.readRaw(filter, fromPosition, limit);
    }
}
