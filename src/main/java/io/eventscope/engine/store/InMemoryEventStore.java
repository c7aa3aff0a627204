package io.eventscope.engine.store;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.NewEvent;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** A store held in memory: for tests, benchmarks and throwaway sessions. */
public final class InMemoryEventStore implements EventStore {
    private final List<EventEnvelope> log = new ArrayList<>();
    private final Map<String, List<EventEnvelope>> streams = new HashMap<>();
    private final Map<String, EventEnvelope> byId = new HashMap<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<CatchUpSubscription> subscriptions = new CopyOnWriteArrayList<>();
    private final Clock clock;

    public InMemoryEventStore() {
        this(Clock.systemUTC());
    }

    public InMemoryEventStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public AppendResult append(String streamId, ExpectedVersion expected, List<NewEvent> events) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("nothing to append to stream '" + streamId + "'");
        }
        AppendResult result;
        lock.writeLock().lock();
        try {
            AppendResult replay = StoredEvents.idempotentReplay(streamId, events, byId::get);
            if (replay != null) {
                return replay;
            }
            List<EventEnvelope> stream = streams.getOrDefault(streamId, List.of());
            long actual = stream.size();
            if (!expected.accepts(actual)) {
                throw new ConcurrencyConflictException(streamId, expected, actual);
            }
            List<EventEnvelope> written = new ArrayList<>(events.size());
            Instant now = clock.instant();
            long version = actual;
            long position = log.size();
            for (NewEvent e : events) {
                written.add(StoredEvents.envelope(streamId, e, ++version, ++position, now));
            }
            List<EventEnvelope> target = streams.computeIfAbsent(streamId, k -> new ArrayList<>());
            for (EventEnvelope e : written) {
                log.add(e);
                target.add(e);
                byId.put(e.eventId(), e);
            }
            result = new AppendResult(streamId, version, position);
        } finally {
            lock.writeLock().unlock();
        }
        subscriptions.forEach(CatchUpSubscription::signal);
        return result;
    }

    @Override
    public List<EventEnvelope> readStream(String streamId, long fromVersion, int maxCount, Direction direction) {
        lock.readLock().lock();
        try {
            List<EventEnvelope> stream = streams.getOrDefault(streamId, List.of());
            return slice(stream, fromVersion, maxCount, direction, e -> true);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public List<EventEnvelope> read(EventFilter filter, long fromPosition, int limit, Direction direction) {
        Predicate<EventEnvelope> test = filter.predicate();
        lock.readLock().lock();
        try {
            return slice(log, fromPosition, limit, direction, test);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Both lists are indexed by (1-based number - 1): stream versions and global positions alike. */
    private static List<EventEnvelope> slice(List<EventEnvelope> list, long from, int max, Direction direction,
                                             Predicate<EventEnvelope> test) {
        List<EventEnvelope> out = new ArrayList<>(Math.min(max, 1024));
        if (direction == Direction.FORWARDS) {
            for (long i = Math.max(1, from); i <= list.size() && out.size() < max; i++) {
                EventEnvelope e = list.get((int) (i - 1));
                if (test.test(e)) {
                    out.add(e);
                }
            }
        } else {
            for (long i = Math.min(from, list.size()); i >= 1 && out.size() < max; i--) {
                EventEnvelope e = list.get((int) (i - 1));
                if (test.test(e)) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    @Override
    public long count(EventFilter filter) {
        Predicate<EventEnvelope> test = filter.predicate();
        lock.readLock().lock();
        try {
            return filter.matchesEverything() ? log.size() : log.stream().filter(test).count();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public long streamVersion(String streamId) {
        lock.readLock().lock();
        try {
            return streams.getOrDefault(streamId, List.of()).size();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public List<StreamInfo> streams() {
        lock.readLock().lock();
        try {
            Map<String, Long> sorted = new TreeMap<>();
            streams.forEach((id, events) -> sorted.put(id, (long) events.size()));
            List<StreamInfo> out = new ArrayList<>(sorted.size());
            sorted.forEach((id, length) -> out.add(new StreamInfo(id, length)));
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public long headPosition() {
        lock.readLock().lock();
        try {
            return log.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public Subscription subscribe(long fromPosition, Consumer<EventEnvelope> handler) {
        CatchUpSubscription s = CatchUpSubscription.start(this, fromPosition, handler);
        subscriptions.add(s);
        return s;
    }

    @Override
    public String describe() {
        return "memory";
    }

    @Override
    public void close() {
        subscriptions.forEach(Subscription::cancel);
        subscriptions.clear();
    }

}
