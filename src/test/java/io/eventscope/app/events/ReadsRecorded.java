package io.eventscope.app.events;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.store.AppendResult;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.StreamAppend;
import io.eventscope.engine.store.StreamInfo;
import io.eventscope.engine.store.Subscription;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A store that remembers every read of the global log, so a test can see what was read and how much. */
final class ReadsRecorded implements EventStore {
    record Read(long fromPosition, int limit, Direction direction) {
    }

    private final EventStore store;
    private final List<Read> reads = new CopyOnWriteArrayList<>();

    ReadsRecorded(EventStore store) {
        this.store = store;
    }

    List<Read> reads() {
        return List.copyOf(reads);
    }

    @Override
    public List<EventEnvelope> read(EventFilter filter, long fromPosition, int limit, Direction direction) {
        reads.add(new Read(fromPosition, limit, direction));
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
