package io.eventscope.engine.store;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.event.RawEvent;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Passes every call to another store, its own fast paths (raw reads, index lookups) included:
 * a subclass overrides only what it changes, as {@link ReadOnlyEventStore} refuses appends.
 */
public abstract class ForwardingEventStore implements EventStore {
    private final EventStore store;

    protected ForwardingEventStore(EventStore store) {
        this.store = store;
    }

    @Override
    public AppendResult append(String streamId, ExpectedVersion expected, List<NewEvent> events) {
        return store.append(streamId, expected, events);
    }

    @Override
    public List<AppendResult> appendAll(List<StreamAppend> appends) {
        return store.appendAll(appends);
    }

    @Override
    public List<EventEnvelope> readStream(String streamId, long fromVersion, int maxCount, Direction direction) {
        return store.readStream(streamId, fromVersion, maxCount, direction);
    }

    @Override
    public List<EventEnvelope> read(EventFilter filter, long fromPosition, int limit, Direction direction) {
        return store.read(filter, fromPosition, limit, direction);
    }

    @Override
    public List<RawEvent> readRaw(EventFilter filter, long fromPosition, int limit) {
        return store.readRaw(filter, fromPosition, limit);
    }

    @Override
    public boolean holdsJsonText() {
        return store.holdsJsonText();
    }

    @Override
    public long count(EventFilter filter) {
        return store.count(filter);
    }

    @Override
    public long[] positions(EventFilter filter, long fromPosition, long toPosition) {
        return store.positions(filter, fromPosition, toPosition);
    }

    @Override
    public List<EventEnvelope> eventsAt(long[] positions) {
        return store.eventsAt(positions);
    }

    @Override
    public StoreCounts counts() {
        return store.counts();
    }

    @Override
    public Map<String, Map<Integer, Long>> countBySchemaVersion(long toPosition) {
        return store.countBySchemaVersion(toPosition);
    }

    @Override
    public List<EventEnvelope> readSchemaVersion(String eventType, int schemaVersion, long fromPosition,
                                                 long toPosition, int limit) {
        return store.readSchemaVersion(eventType, schemaVersion, fromPosition, toPosition, limit);
    }

    @Override
    public Optional<EventEnvelope> eventAt(long position) {
        return store.eventAt(position);
    }

    @Override
    public Map<String, Long> positionsOf(Collection<String> eventIds) {
        return store.positionsOf(eventIds);
    }

    @Override
    public long streamVersion(String streamId) {
        return store.streamVersion(streamId);
    }

    @Override
    public List<StreamInfo> streams() {
        return store.streams();
    }

    @Override
    public long headPosition() {
        return store.headPosition();
    }

    @Override
    public Subscription subscribe(long fromPosition, Consumer<EventEnvelope> handler) {
        return store.subscribe(fromPosition, handler);
    }

    @Override
    public String describe() {
        return store.describe();
    }

    @Override
    public void close() {
        store.close();
    }
}
