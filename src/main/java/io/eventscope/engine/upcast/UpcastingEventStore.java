package io.eventscope.engine.upcast;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.store.AppendResult;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.StoreCounts;
import io.eventscope.engine.store.StreamAppend;
import io.eventscope.engine.store.StreamInfo;
import io.eventscope.engine.store.Subscription;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A store whose readers see every event in its newest shape. Appends and the stored events are
 * untouched: upcasting happens on each read. Type criteria match the upcasted type (asking for
 * a type's new name also finds events stored under its old one); the other criteria, text
 * included, match what is stored.
 */
public final class UpcastingEventStore implements EventStore {
    private static final int READ_PAGE = 1000;

    private final EventStore stored;
    private final UpcasterChain chain;

    public UpcastingEventStore(EventStore stored, UpcasterChain chain) {
        this.stored = stored;
        this.chain = chain;
    }

    /** The underlying store, with events as they were written. */
    public EventStore stored() {
        return stored;
    }

    public UpcasterChain chain() {
        return chain;
    }

    @Override
    public List<AppendResult> appendAll(List<StreamAppend> appends) {
        return stored.appendAll(appends);
    }

    @Override
    public List<EventEnvelope> readStream(String streamId, long fromVersion, int maxCount, Direction direction) {
        return upcastAll(stored.readStream(streamId, fromVersion, maxCount, direction));
    }

    @Override
    public List<EventEnvelope> read(EventFilter filter, long fromPosition, int limit, Direction direction) {
        if (!involvesRenames(filter)) {
            return upcastAll(stored.read(filter, fromPosition, limit, direction));
        }
        EventFilter storedFilter = filter.withTypes(storedTypes(filter.types()));
        List<EventEnvelope> out = new ArrayList<>(Math.min(limit, READ_PAGE));
        long from = fromPosition;
        while (out.size() < limit) {
            int wanted = limit - out.size();
            List<EventEnvelope> page = stored.read(storedFilter, from, wanted, direction);
            for (EventEnvelope e : page) {
                EventEnvelope current = chain.upcast(e);
                if (filter.types().contains(current.eventType())) {
                    out.add(current);
                }
            }
            if (page.size() < wanted) {
                break;
            }
            long last = page.get(page.size() - 1).position();
            from = direction == Direction.FORWARDS ? last + 1 : last - 1;
        }
        return out;
    }

    @Override
    public long count(EventFilter filter) {
        if (!involvesRenames(filter)) {
            return stored.count(filter);
        }
        long count = 0;
        long from = 1;
        for (List<EventEnvelope> page = read(filter, from, READ_PAGE, Direction.FORWARDS); !page.isEmpty();
             page = read(filter, from, READ_PAGE, Direction.FORWARDS)) {
            count += page.size();
            from = page.get(page.size() - 1).position() + 1;
        }
        return count;
    }

    @Override
    public long[] positions(EventFilter filter, long fromPosition, long toPosition) {
        return involvesRenames(filter) ? EventStore.super.positions(filter, fromPosition, toPosition)
                : stored.positions(filter, fromPosition, toPosition);
    }

    @Override
    public List<EventEnvelope> eventsAt(long[] positions) {
        return upcastAll(stored.eventsAt(positions));
    }

    /** As stored: the counts are of the types the events were written with. */
    @Override
    public StoreCounts counts() {
        return stored.counts();
    }

    @Override
    public Map<String, Long> positionsOf(Collection<String> eventIds) {
        return stored.positionsOf(eventIds);
    }

    @Override
    public long streamVersion(String streamId) {
        return stored.streamVersion(streamId);
    }

    @Override
    public List<StreamInfo> streams() {
        return stored.streams();
    }

    @Override
    public long headPosition() {
        return stored.headPosition();
    }

    @Override
    public Subscription subscribe(long fromPosition, Consumer<EventEnvelope> handler) {
        return stored.subscribe(fromPosition, e -> handler.accept(chain.upcast(e)));
    }

    @Override
    public String describe() {
        return stored.describe() + " (upcasted)";
    }

    @Override
    public void close() {
        stored.close();
    }

    private List<EventEnvelope> upcastAll(List<EventEnvelope> events) {
        List<EventEnvelope> out = new ArrayList<>(events.size());
        for (EventEnvelope e : events) {
            out.add(chain.upcast(e));
        }
        return out;
    }

    /** True when a type criterion names a type that is renamed into or away from. */
    private boolean involvesRenames(EventFilter filter) {
        for (String type : filter.types()) {
            if (chain.storedTypesOf(type).size() > 1 || chain.isRenamed(type)) {
                return true;
            }
        }
        return false;
    }

    private Set<String> storedTypes(Set<String> types) {
        Set<String> all = new HashSet<>();
        types.forEach(t -> all.addAll(chain.storedTypesOf(t)));
        return all;
    }
}
