package io.eventscope.app;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.store.AppendResult;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.StoreCounts;
import io.eventscope.engine.store.StreamAppend;
import io.eventscope.engine.store.StreamInfo;
import io.eventscope.engine.store.Subscription;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Passes every call to another store; tests override what they watch or slow down. */
public class DelegatingStore implements EventStore {
    private final EventStore store;

    public DelegatingStore(EventStore store) {
        this.store = store;
    }

    @Override
    public List<EventEnvelope> read(EventFilter filter, long fromPosition, int limit, Direction direction) {
        return store.read(filter, fromPosition, limit, direction);
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
