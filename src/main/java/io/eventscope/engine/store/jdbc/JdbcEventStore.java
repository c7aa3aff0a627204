package io.eventscope.engine.store.jdbc;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.RawEvent;
import io.eventscope.engine.store.AppendResult;
import io.eventscope.engine.store.CatchUpSubscription;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.EventStoreException;
import io.eventscope.engine.store.StoreCounts;
import io.eventscope.engine.store.StreamAppend;
import io.eventscope.engine.store.StreamInfo;
import io.eventscope.engine.store.Subscription;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The event store on a JDBC database (H2 file or in-memory, or PostgreSQL shared by several
 * processes, see {@link PostgresDialect}). Appends queue up and whoever
 * holds the writer lock commits everything queued in one transaction (group commit); since
 * one writer assigns positions and commits in order, positions are contiguous and become
 * visible in order. Durability comes from the database's settings, see {@link Database}.
 * Closing the store leaves the database open: its owner closes it.
 */
public final class JdbcEventStore implements EventStore {
    /** Enough to amortise one commit over many callers, few enough to keep latency low. */
    private static final int MAX_GROUP = 256;
    /** Ids per lookup statement: one round trip for many ids, a statement of modest size. */
    private static final int LOOKUP_BATCH = 500;
    /** With notifications of other processes' appends, polling is only a safety net (a lost connection). */
    private static final Duration LISTENING_POLL = Duration.ofSeconds(5);

    private final Database db;
    private final ReentrantLock writerLock = new ReentrantLock();
    private final Queue<PendingAppend> queue = new ConcurrentLinkedQueue<>();
    private final AppendWriter writer;
    /** Null when this store leaves indexing to others (tests that hold the index back). */
    private final FilterIndexer indexer;
    private final List<CatchUpSubscription> subscriptions = new CopyOnWriteArrayList<>();
    /** Wakes subscriptions on other processes' appends; started with the first subscription. */
    private AppendListener listener;
    private volatile boolean closed;

    public JdbcEventStore(Database db) {
        this(db, Clock.systemUTC());
    }

    public JdbcEventStore(Database db, Clock clock) {
        this(db, clock, true);
    }

    JdbcEventStore(Database db, Clock clock, boolean indexInBackground) {
        this.db = db;
        try {
            this.writer = new AppendWriter(db, clock);
        } catch (SQLException e) {
            throw failure("open the event store", e);
        }
        this.indexer = indexInBackground ? FilterIndexer.start(db, writerLock) : null;
    }

    /**
     * Waits until the filter index holds every whole block of the log as it is now (filters are
     * exact before that too, only slower), or until the timeout; returns whether it got there.
     * The indexer starts at once, even in the middle of what looks like a bulk load.
     */
    public boolean awaitFilterIndex(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long target = PositionBlocks.wholeUpTo(headPosition());
        if (indexer != null) {
            indexer.hurry();
        }
        while (true) {
            try (Connection c = db.connection(); PreparedStatement s = c.prepareStatement(FilterIndexer.INDEXED_TO)) {
                if (queryLong(s) >= target) {
                    return true;
                }
            } catch (SQLException e) {
                throw failure("read how far the filter index reaches", e);
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
    }

    @Override
    public List<AppendResult> appendAll(List<StreamAppend> appends) {
        return appendAll(appends, SameTransaction.NOTHING);
    }

    /**
     * {@link #appendAll(List)} with more rows of this store's database written in the same
     * transaction: after a crash or a failure of either, neither is there.
     */
    public List<AppendResult> appendAll(List<StreamAppend> appends, SameTransaction alongside) {
        if (closed) {
            throw new EventStoreException("The event store at " + describe() + " is closed");
        }
        PendingAppend mine = new PendingAppend(appends, alongside);
        queue.add(mine);
        boolean wrote = false;
        writerLock.lock();
        try {
            while (!mine.isDone()) {
                writeQueued();
                wrote = true;
            }
        } finally {
            writerLock.unlock();
        }
        if (wrote) {
            signalSubscriptions();
        }
        return mine.outcome();
    }

    private void writeQueued() {
        List<PendingAppend> group = new ArrayList<>();
        for (PendingAppend p = queue.poll(); p != null; p = group.size() < MAX_GROUP ? queue.poll() : null) {
            group.add(p);
        }
        writer.write(group);
        group.forEach(PendingAppend::finish);
    }

    @Override
    public List<EventEnvelope> readStream(String streamId, long fromVersion, int maxCount, Direction direction) {
        try (Connection c = db.connection();
             PreparedStatement s = c.prepareStatement(EventsSql.readStream(direction))) {
            s.setString(1, streamId);
            s.setLong(2, fromVersion);
            s.setInt(3, maxCount);
            return envelopes(s);
        } catch (SQLException e) {
            throw failure("read stream '" + streamId + "'", e);
        }
    }

    @Override
    public List<EventEnvelope> read(EventFilter filter, long fromPosition, int limit, Direction direction) {
        return read(filter, fromPosition, limit, direction, rs -> EventRows.read(db.dialect(), rs));
    }

    @Override
    public List<RawEvent> readRaw(EventFilter filter, long fromPosition, int limit) {
        return read(filter, fromPosition, limit, Direction.FORWARDS, rs -> EventRows.readRaw(db.dialect(), rs));
    }

    @Override
    public boolean holdsJsonText() {
        return true;
    }

    private <T> List<T> read(EventFilter filter, long fromPosition, int limit, Direction direction, Row<T> row) {
        try (Connection c = db.connection()) {
            long lowest = direction == Direction.FORWARDS ? fromPosition : 1;
            long highest = direction == Direction.FORWARDS ? Long.MAX_VALUE : fromPosition;
            if (streamPatternAlone(filter)) {
                return streamPatternPage(c, filter, fromPosition, limit, direction, row);
            }
            if (!servedInPositionOrder(filter)) {
                List<T> events = eventsAt(c, pagePositions(c, filter, fromPosition, limit, direction), row);
                if (direction == Direction.BACKWARDS) {
                    Collections.reverse(events);
                }
                return events;
            }
            try (PreparedStatement s = prepare(c, EventsSql.read(filter, lowest, highest, limit, direction))) {
                return rows(s, row);
            }
        } catch (SQLException e) {
            throw failure("read the event log", e);
        }
    }

    /** A stream pattern with a wildcard and nothing else: what a read model reads. */
    private static boolean streamPatternAlone(EventFilter filter) {
        return filter.streamPattern() != null && filter.streamPattern().indexOf('*') >= 0
                && filter.equals(EventFilter.stream(filter.streamPattern()));
    }

    /** A page walked on the primary key ({@link StreamPatternWalk}), finished on the indexes when the pattern is rare. */
    private <T> List<T> streamPatternPage(Connection c, EventFilter filter, long fromPosition, int limit,
                                          Direction direction, Row<T> row) throws SQLException {
        long head;
        try (PreparedStatement s = c.prepareStatement(EventsSql.HEAD)) {
            head = queryLong(s);
        }
        StreamPatternWalk.Part<T> walked = StreamPatternWalk.read(c, filter.streamMatcher(), fromPosition, limit,
                direction, head, row);
        List<T> events = walked.rows();
        boolean more = direction == Direction.FORWARDS ? walked.next() <= head : walked.next() >= 1;
        if (events.size() < limit && more) {
            List<T> rest = eventsAt(c, pagePositions(c, filter, walked.next(), limit - events.size(), direction), row);
            if (direction == Direction.BACKWARDS) {
                Collections.reverse(rest);
            }
            events.addAll(rest);
        }
        return events;
    }

    /**
     * Whether one query can walk an index in position order and stop after the page: everything,
     * one stream, correlation or causation (few events each), or one type alone (its index is
     * ordered by position). Other filters find their positions first, on the indexes alone.
     */
    private static boolean servedInPositionOrder(EventFilter filter) {
        if (filter.text() != null) {
            return false;
        }
        boolean exactStream = filter.streamPattern() != null && filter.streamPattern().indexOf('*') < 0;
        boolean window = filter.from() != null || filter.to() != null;
        return exactStream || filter.correlationId() != null || filter.causationId() != null
                || (filter.streamPattern() == null && filter.types().size() <= 1 && !window);
    }

    @Override
    public long count(EventFilter filter) {
        try (Connection c = db.connection()) {
            if (filter.matchesEverything()) {
                try (PreparedStatement s = c.prepareStatement(EventsSql.COUNT)) {
                    return queryLong(s);
                }
            }
            return matching(c, filter, 1, Long.MAX_VALUE).cardinality();
        } catch (SQLException e) {
            throw failure("count events", e);
        }
    }

    @Override
    public long[] positions(EventFilter filter, long fromPosition, long toPosition) {
        try (Connection c = db.connection()) {
            return positions(c, filter, fromPosition, toPosition);
        } catch (SQLException e) {
            throw failure("find the matching positions", e);
        }
    }

    /**
     * The positions of one page, in ascending order, looked for in windows that start at eight
     * positions per event asked for and double: a page near its start costs what it reads, not a
     * search of the rest of the log (a rebuild reads the whole log page by page).
     */
    private long[] pagePositions(Connection c, EventFilter filter, long fromPosition, int limit, Direction direction)
            throws SQLException {
        long head;
        try (PreparedStatement s = c.prepareStatement(EventsSql.HEAD)) {
            head = queryLong(s);
        }
        List<long[]> parts = new ArrayList<>();
        int found = 0;
        long window = Math.max(64, 8L * limit);
        if (direction == Direction.FORWARDS) {
            for (long lowest = Math.max(1, fromPosition); found < limit && lowest <= head; window *= 2) {
                long highest = Math.min(head, lowest + window - 1);
                long[] part = positions(c, filter, lowest, highest);
                part = Arrays.copyOf(part, Math.min(part.length, limit - found));
                parts.add(part);
                found += part.length;
                lowest = highest + 1;
            }
        } else {
            for (long highest = Math.min(fromPosition, head); found < limit && highest >= 1; window *= 2) {
                long lowest = Math.max(1, highest - window + 1);
                long[] part = positions(c, filter, lowest, highest);
                part = Arrays.copyOfRange(part, Math.max(0, part.length - (limit - found)), part.length);
                parts.add(0, part);
                found += part.length;
                highest = lowest - 1;
            }
        }
        long[] page = new long[found];
        int at = 0;
        for (long[] part : parts) {
            System.arraycopy(part, 0, page, at, part.length);
            at += part.length;
        }
        return page;
    }

    private long[] positions(Connection c, EventFilter filter, long fromPosition, long toPosition) throws SQLException {
        long lowest = Math.max(1, fromPosition);
        BitSet found = matching(c, filter, lowest, toPosition);
        long[] out = new long[found.cardinality()];
        int i = 0;
        for (int bit = found.nextSetBit(0); bit >= 0; bit = found.nextSetBit(bit + 1)) {
            out[i++] = lowest + bit;
        }
        return out;
    }

    /** The matching positions up to the head, as bits counted from {@code lowest}. */
    private BitSet matching(Connection c, EventFilter filter, long lowest, long highest) throws SQLException {
        long head;
        try (PreparedStatement s = c.prepareStatement(EventsSql.HEAD)) {
            head = queryLong(s);
        }
        long upTo = Math.min(highest, head);
        return upTo < lowest ? new BitSet() : new FilterPositions(c, db.dialect()).find(filter, lowest, upTo);
    }

    @Override
    public List<EventEnvelope> eventsAt(long[] positions) {
        try (Connection c = db.connection()) {
            return eventsAt(c, positions, rs -> EventRows.read(db.dialect(), rs));
        } catch (SQLException e) {
            throw failure("read events by position", e);
        }
    }

    private <T> List<T> eventsAt(Connection c, long[] positions, Row<T> row) throws SQLException {
        List<T> out = new ArrayList<>(positions.length);
        for (int from = 0; from < positions.length; from += LOOKUP_BATCH) {
            int count = Math.min(LOOKUP_BATCH, positions.length - from);
            try (PreparedStatement s = c.prepareStatement(EventsSql.eventsAt(count))) {
                for (int i = 0; i < count; i++) {
                    s.setLong(i + 1, positions[from + i]);
                }
                out.addAll(rows(s, row));
            }
        }
        return out;
    }

    @Override
    public StoreCounts counts() {
        try (Connection c = db.connection()) {
            return EventCounts.read(c);
        } catch (SQLException e) {
            throw failure("count events by type", e);
        }
    }

    @Override
    public Map<String, Map<Integer, Long>> countBySchemaVersion(long toPosition) {
        try (Connection c = db.connection(); PreparedStatement s = c.prepareStatement(EventsSql.COUNT_BY_SCHEMA_VERSION)) {
            s.setLong(1, toPosition);
            Map<String, Map<Integer, Long>> counts = new TreeMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.computeIfAbsent(rs.getString(1), t -> new TreeMap<>()).put(rs.getInt(2), rs.getLong(3));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw failure("count events by schema version", e);
        }
    }

    @Override
    public List<EventEnvelope> readSchemaVersion(String eventType, int schemaVersion, long fromPosition,
                                                 long toPosition, int limit) {
        try (Connection c = db.connection(); PreparedStatement s = c.prepareStatement(EventsSql.READ_SCHEMA_VERSION)) {
            s.setString(1, eventType);
            s.setInt(2, schemaVersion);
            s.setLong(3, fromPosition);
            s.setLong(4, toPosition);
            s.setInt(5, limit);
            return envelopes(s);
        } catch (SQLException e) {
            throw failure("read " + eventType + " v" + schemaVersion + " events", e);
        }
    }

    @Override
    public Map<String, Long> positionsOf(Collection<String> eventIds) {
        Map<String, Long> positions = new HashMap<>();
        List<String> ids = List.copyOf(eventIds);
        try (Connection c = db.connection()) {
            for (int from = 0; from < ids.size(); from += LOOKUP_BATCH) {
                List<String> batch = ids.subList(from, Math.min(ids.size(), from + LOOKUP_BATCH));
                try (PreparedStatement s = c.prepareStatement(EventsSql.positionsOf(batch.size()))) {
                    for (int i = 0; i < batch.size(); i++) {
                        s.setString(i + 1, batch.get(i));
                    }
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            positions.put(rs.getString(1), rs.getLong(2));
                        }
                    }
                }
            }
            return positions;
        } catch (SQLException e) {
            throw failure("look up event ids", e);
        }
    }

    @Override
    public long streamVersion(String streamId) {
        try (Connection c = db.connection(); PreparedStatement s = c.prepareStatement(EventsSql.STREAM_VERSION)) {
            s.setString(1, streamId);
            return queryLong(s);
        } catch (SQLException e) {
            throw failure("read the version of stream '" + streamId + "'", e);
        }
    }

    @Override
    public List<StreamInfo> streams() {
        try (Connection c = db.connection();
             PreparedStatement s = c.prepareStatement(EventsSql.STREAMS);
             ResultSet rs = s.executeQuery()) {
            List<StreamInfo> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new StreamInfo(rs.getString(1), rs.getLong(2)));
            }
            return out;
        } catch (SQLException e) {
            throw failure("list streams", e);
        }
    }

    @Override
    public long headPosition() {
        try (Connection c = db.connection(); PreparedStatement s = c.prepareStatement(EventsSql.HEAD)) {
            return queryLong(s);
        } catch (SQLException e) {
            throw failure("read the head position", e);
        }
    }

    @Override
    public Subscription subscribe(long fromPosition, Consumer<EventEnvelope> handler) {
        synchronized (subscriptions) {
            if (listener == null && !closed) {
                listener = db.dialect().listenForAppends(db, this::signalSubscriptions);
            }
        }
        CatchUpSubscription s = listener == null ? CatchUpSubscription.start(this, fromPosition, handler)
                : CatchUpSubscription.start(this, fromPosition, handler, LISTENING_POLL);
        subscriptions.add(s);
        return s;
    }

    private void signalSubscriptions() {
        subscriptions.forEach(CatchUpSubscription::signal);
    }

    @Override
    public String describe() {
        return db.describe();
    }

    /** Whether this store lives in that database, so a write there can share an append's transaction. */
    public boolean livesIn(Database database) {
        return db == database;
    }

    @Override
    public void close() {
        closed = true;
        synchronized (subscriptions) {
            stopListening();
        }
        subscriptions.forEach(Subscription::cancel);
        subscriptions.clear();
        if (indexer != null) {
            indexer.close();
        }
        writerLock.lock();
        try {
            writer.close();
        } catch (SQLException e) {
            throw failure("close the event store", e);
        } finally {
            writerLock.unlock();
        }
    }

    private void stopListening() {
        if (listener != null) {
            listener.close();
            listener = null;
        }
    }

    private PreparedStatement prepare(Connection c, EventsSql.Query query) throws SQLException {
        return query.prepare(c, db.dialect());
    }

    private List<EventEnvelope> envelopes(PreparedStatement s) throws SQLException {
        return rows(s, rs -> EventRows.read(db.dialect(), rs));
    }

    private static <T> List<T> rows(PreparedStatement s, Row<T> row) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(row.read(rs));
            }
            return out;
        }
    }

    /** Makes one result of the current row of a result set. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static long queryLong(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private EventStoreException failure(String what, SQLException e) {
        return new EventStoreException("Could not " + what + " in " + describe() + ": " + Database.rootMessage(e), e);
    }
}
