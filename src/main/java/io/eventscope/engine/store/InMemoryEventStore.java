package io.eventscope.engine.store;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.NewEvent;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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
    public List<AppendResult> appendAll(List<StreamAppend> appends) {
        List<AppendResult> results = new ArrayList<>(appends.size());
        lock.writeLock().lock();
        try {
            int logSizeBefore = log.size();
            try {
                Instant now = clock.instant();
                for (StreamAppend a : appends) {
                    results.add(write(a, now));
                }
            } catch (RuntimeException e) {
                undoAfter(logSizeBefore);
                throw e;
            }
        } finally {
            lock.writeLock().unlock();
        }
        subscriptions.forEach(CatchUpSubscription::signal);
        return results;
    }

    /** Writes straight into the maps (readers wait for the lock); {@link #undoAfter} takes it back on failure. */
    private AppendResult write(StreamAppend a, Instant now) {
        AppendResult replay = StoredEvents.idempotentReplay(a.streamId(), a.events(), byId::get);
        if (replay != null) {
            return replay;
        }
        List<EventEnvelope> stream = streams.get(a.streamId());
        long actual = stream == null ? 0 : stream.size();
        if (!a.expected().accepts(actual)) {
            throw new ConcurrencyConflictException(a.streamId(), a.expected(), actual);
        }
        if (stream == null) {
            stream = new ArrayList<>();
            streams.put(a.streamId(), stream);
        }
        long version = actual;
        for (NewEvent e : a.events()) {
            EventEnvelope written = StoredEvents.envelope(a.streamId(), e, ++version, log.size() + 1, now);
            log.add(written);
            stream.add(written);
            byId.put(written.eventId(), written);
        }
        return new AppendResult(a.streamId(), version, log.size());
    }

    /** Removes everything appended after the log had {@code size} events, newest first. */
    private void undoAfter(int size) {
        for (int i = log.size() - 1; i >= size; i--) {
            EventEnvelope e = log.remove(i);
            byId.remove(e.eventId());
            List<EventEnvelope> stream = streams.get(e.streamId());
            stream.remove(stream.size() - 1);
            if (stream.isEmpty()) {
                streams.remove(e.streamId());
            }
        }
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
    public Map<String, Long> positionsOf(Collection<String> eventIds) {
        Map<String, Long> positions = new HashMap<>();
        lock.readLock().lock();
        try {
            for (String id : eventIds) {
                EventEnvelope stored = byId.get(id);
                if (stored != null) {
                    positions.put(id, stored.position());
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        return positions;
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
