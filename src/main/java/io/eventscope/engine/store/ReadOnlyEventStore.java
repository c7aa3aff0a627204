package io.eventscope.engine.store;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.RawEvent;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A store to look at only (an opened case): every read goes through, every append is refused
 * with {@code why}. An engine over it keeps a read-only journal too, so nothing reaches the
 * file however the write was asked for.
 */
public final class ReadOnlyEventStore implements EventStore {
    private final EventStore store;
    private final String why;

    /** {@code why} says what the store is and what to do instead, as the refusal's message. */
    public ReadOnlyEventStore(EventStore store, String why) {
        this.store = store;
        this.why = why;
    }

    /** What the store is and what to do instead: the message every refused write carries. */
    public String why() {
        return why;
    }

    private ReadOnlyStoreException refusal() {
        return new ReadOnlyStoreException(why);
    }

    @Override
    public List<AppendResult> appendAll(List<StreamAppend> appends) {
        throw refusal();
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
        return store.describe() + " (read-only)";
    }

    @Override
    public void close() {
        store.close();
    }
}
