package io.eventscope.engine.store;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.event.RawEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The event store: conditional append, reads over streams and the global log, and
 * catch-up subscriptions. Implementations pass {@code EventStoreContract}.
 *
 * <p>Positions are global, start at 1, have no gaps and are visible in order: a reader never
 * sees position p+1 before p.
 */
public interface EventStore extends AutoCloseable {
    /** Events per read in the default methods below. */
    int PAGE = 2_000;

    /**
     * Appends all events or none. Fails with {@link ConcurrencyConflictException} when the
     * stream is not at {@code expected}; an event whose id is already stored with the same
     * content makes the call a no-op returning the original result; the same id with other
     * content fails with {@link DuplicateEventException}. Once this returns, the events
     * survive a crash of the process.
     */
    default AppendResult append(String streamId, ExpectedVersion expected, List<NewEvent> events) {
        return appendAll(List.of(new StreamAppend(streamId, expected, events))).get(0);
    }

    /**
     * Appends to several streams in one atomic, durable commit, with the rules of
     * {@link #append} for each; one result per append, in order. Several appends may name the
     * same stream: each sees the ones before it.
     */
    List<AppendResult> appendAll(List<StreamAppend> appends);

    /** Up to {@code maxCount} events of a stream starting at {@code fromVersion} (inclusive), in the given direction. */
    List<EventEnvelope> readStream(String streamId, long fromVersion, int maxCount, Direction direction);

    /**
     * Up to {@code limit} events of the global log matching {@code filter}: forwards from
     * {@code fromPosition} (inclusive), or backwards from it (inclusive; use Long.MAX_VALUE for
     * the head).
     */
    List<EventEnvelope> read(EventFilter filter, long fromPosition, int limit, Direction direction);

    /**
     * {@link #read} forwards, with each event's data as the JSON text the store holds: a store
     * that keeps text hands it over unparsed (an export then copies it as it is). This default
     * writes the parsed data back to text.
     */
    default List<RawEvent> readRaw(EventFilter filter, long fromPosition, int limit) {
        return read(filter, fromPosition, limit, Direction.FORWARDS).stream().map(RawEvent::of).toList();
    }

    /**
     * Whether {@link #readRaw} hands over the stored text as it is, without parsing: then a page
     * loop reads raw pages on one thread and parses them on another ({@link LogPages#forEach}).
     */
    default boolean holdsJsonText() {
        return false;
    }

    /** How many events match. */
    long count(EventFilter filter);

    /**
     * The positions of the events matching {@code filter} from {@code fromPosition} to
     * {@code toPosition} (both inclusive), ascending. This default reads the matching events page
     * by page; a store with indexes answers from them without reading events.
     */
    default long[] positions(EventFilter filter, long fromPosition, long toPosition) {
        long[] found = new long[64];
        int size = 0;
        long next = fromPosition;
        while (next <= toPosition) {
            List<EventEnvelope> page = read(filter, next, PAGE, Direction.FORWARDS);
            for (EventEnvelope e : page) {
                if (e.position() > toPosition) {
                    return Arrays.copyOf(found, size);
                }
                if (size == found.length) {
                    found = Arrays.copyOf(found, size * 2);
                }
                found[size++] = e.position();
            }
            if (page.size() < PAGE) {
                break;
            }
            next = page.get(page.size() - 1).position() + 1;
        }
        return Arrays.copyOf(found, size);
    }

    /** The events at these positions (ascending), leaving out positions that hold none. This default reads them one at a time. */
    default List<EventEnvelope> eventsAt(long[] positions) {
        List<EventEnvelope> out = new ArrayList<>(positions.length);
        for (long position : positions) {
            eventAt(position).ifPresent(out::add);
        }
        return out;
    }

    /**
     * Events per event type and aggregate type, and the streams they open. This default reads
     * the whole log; a store that keeps counters answers from them.
     */
    default StoreCounts counts() {
        Map<List<String>, long[]> counts = new HashMap<>();
        for (List<EventEnvelope> page = read(EventFilter.ALL, 1, PAGE, Direction.FORWARDS); !page.isEmpty();
             page = read(EventFilter.ALL, page.get(page.size() - 1).position() + 1, PAGE, Direction.FORWARDS)) {
            for (EventEnvelope e : page) {
                long[] c = counts.computeIfAbsent(Arrays.asList(e.eventType(), e.aggregateType()), k -> new long[2]);
                c[0]++;
                c[1] += e.version() == 1 ? 1 : 0;
            }
        }
        return new StoreCounts(counts.entrySet().stream().map(c -> new StoreCounts.Kind(c.getKey().get(0),
                c.getKey().get(1), c.getValue()[0], c.getValue()[1])).toList());
    }

    /**
     * How many events each type holds in each schema version, among positions 1 to
     * {@code toPosition} ({@code {"OrderCreated": {1: 40, 3: 260}}}). This default reads the
     * whole log; a store with an index answers from it.
     */
    default Map<String, Map<Integer, Long>> countBySchemaVersion(long toPosition) {
        Map<String, Map<Integer, Long>> counts = new TreeMap<>();
        LogPages.forEach(this, EventFilter.ALL, 1, PAGE, page -> {
            for (EventEnvelope e : page) {
                if (e.position() > toPosition) {
                    return false;
                }
                counts.computeIfAbsent(e.eventType(), t -> new TreeMap<>()).merge(e.schemaVersion(), 1L, Long::sum);
            }
            return true;
        });
        return counts;
    }

    /**
     * Up to {@code limit} events of one type stored in one schema version, forwards from
     * {@code fromPosition} up to {@code toPosition} (both inclusive). This default filters a
     * read by type; a store with an index reads only the matching events.
     */
    default List<EventEnvelope> readSchemaVersion(String eventType, int schemaVersion, long fromPosition,
                                                  long toPosition, int limit) {
        List<EventEnvelope> out = new ArrayList<>();
        EventFilter ofType = EventFilter.type(eventType);
        LogPages.forEach(this, ofType, fromPosition, PAGE, page -> {
            for (EventEnvelope e : page) {
                if (e.position() > toPosition || out.size() == limit) {
                    return false;
                }
                if (e.schemaVersion() == schemaVersion) {
                    out.add(e);
                }
            }
            return true;
        });
        return out;
    }

    /** The event at a global position, empty when there is none. */
    default Optional<EventEnvelope> eventAt(long position) {
        List<EventEnvelope> found = read(EventFilter.ALL, position, 1, Direction.FORWARDS);
        return found.isEmpty() || found.get(0).position() != position ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The positions of those of these event ids that are stored, by id: a lookup on the unique ids. */
    Map<String, Long> positionsOf(Collection<String> eventIds);

    /** The last version of a stream, 0 when it does not exist. */
    long streamVersion(String streamId);

    /** Every stream with its length, ordered by stream id. */
    List<StreamInfo> streams();

    /** The position of the newest event, 0 for an empty store. */
    long headPosition();

    /**
     * Delivers every event from {@code fromPosition} (inclusive) in position order, each
     * exactly once, first the stored ones then new ones as they are appended, on a thread of
     * the store's. The handler should be quick; a throwing handler stops the subscription.
     */
    Subscription subscribe(long fromPosition, Consumer<EventEnvelope> handler);

    /** A short human name for where the store lives ("memory", a file path, a JDBC URL). */
    String describe();

    @Override
    void close();
}
