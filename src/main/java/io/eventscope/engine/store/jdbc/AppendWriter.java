package io.eventscope.engine.store.jdbc;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.store.AppendResult;
import io.eventscope.engine.store.ConcurrencyConflictException;
import io.eventscope.engine.store.EventStoreException;
import io.eventscope.engine.store.StoredEvents;
import io.eventscope.engine.store.StreamAppend;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a group of queued appends in one transaction on the store's own connection: one
 * commit (one write to the file) for every caller waiting, which is what makes durable
 * appends fast under concurrency. Each caller's appends sit behind a savepoint, so a conflict
 * in one undoes only that one. Not thread-safe: the store calls it under its writer lock.
 * On a database other processes append to, the dialect's lock orders the transactions of all
 * of them, and nothing is cached from one transaction to the next.
 */
final class AppendWriter implements AutoCloseable {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String VALUE_TOO_LONG = "22001";
    private static final int KNOWN_STREAMS = 10_000;
    /** More than the connections a pool holds, each of which the server may have closed. */
    private static final int MAX_RECONNECTS = 20;

    private final Database db;
    private final Dialect dialect;
    /** Null after the server dropped it: the next write opens another. */
    private Connection connection;
    private PreparedStatement insert;
    private PreparedStatement streamVersion;
    private PreparedStatement byEventId;
    private PreparedStatement head;
    private final Clock clock;
    private FileHousekeeping housekeeping;
    /** The head after this writer's last commit, or -1 when it must be read (at first, after a failure). */
    private long knownHead = -1;
    /** Versions of recently written streams as committed; a stale entry only sends an append to the careful pass. */
    private final Map<String, Long> knownVersions = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > KNOWN_STREAMS;
        }
    };

    AppendWriter(Database db, Clock clock) throws SQLException {
        this.db = db;
        this.dialect = db.dialect();
        this.clock = clock;
        connect();
    }

    private void connect() throws SQLException {
        Connection c = db.connection();
        try {
            c.setAutoCommit(false);
            insert = c.prepareStatement(EventsSql.INSERT);
            streamVersion = c.prepareStatement(EventsSql.STREAM_VERSION);
            byEventId = c.prepareStatement(EventsSql.BY_EVENT_ID);
            head = c.prepareStatement(EventsSql.HEAD);
            housekeeping = FileHousekeeping.of(c, db.url());
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        connection = c;
    }

    /**
     * Writes and commits the group; afterwards every pending append holds its outcome. When
     * the connection is lost (a server restarted or ended the session), the group is written
     * again on a new one: whatever the lost commit did, appending stored events again is a
     * no-op that returns their original result. The pool may hand out a few more connections
     * the server closed before it finds a live one or fails to connect.
     */
    void write(List<PendingAppend> group) {
        for (int attempt = 1; ; attempt++) {
            try {
                if (connection == null) {
                    connect();
                }
                writeGroup(group);
                housekeeping.afterCommit();
                return;
            } catch (SQLException | RuntimeException e) {
                knownHead = -1;
                knownVersions.clear();
                boolean connected = connection != null;
                boolean lost = connected && e instanceof SQLException sql && dialect.isConnectionLost(sql);
                if (lost || !connected) {
                    disconnect();
                } else {
                    rollback();
                }
                if (lost && attempt <= MAX_RECONNECTS) {
                    continue;
                }
                EventStoreException failure = new EventStoreException(lost || !connected
                        ? "Lost the connection to " + db.describe() + " and could not write the append again on a new"
                        + " one: " + Database.rootMessage(e) + ". Appending the same events again is safe: stored ones"
                        + " are recognised by their ids."
                        : "Could not commit appends to the event store: " + Database.rootMessage(e), e);
                group.forEach(p -> p.fail(failure));
                return;
            }
        }
    }

    private void writeGroup(List<PendingAppend> group) throws SQLException {
        long first;
        Map<String, Long> committed = new HashMap<>();
        if (dialect.shared()) {
            Set<String> streams = new HashSet<>();
            group.forEach(p -> p.appends().forEach(a -> streams.add(a.streamId())));
            first = dialect.lockAndReadHead(connection, streams, committed);
        } else {
            first = knownHead >= 0 ? knownHead : queryLong(head);
        }
        Group g = new Group(first, clock.instant());
        g.versions.putAll(committed);
        for (PendingAppend p : group) {
            writeOne(g, p);
        }
        connection.commit();
        knownHead = g.headInDoubt ? -1 : g.head;
        if (g.headInDoubt || dialect.shared()) {
            knownVersions.clear();
        } else {
            knownVersions.putAll(g.versions);
        }
    }

    private void disconnect() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // It is gone already; the failure reported says why.
        }
        connection = null;
    }

    private void writeOne(Group g, PendingAppend p) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            p.written(writeAppends(g, p, false));
            return;
        } catch (ConcurrencyConflictException e) {
            undo(savepoint); // maybe a retry of appends already stored: the careful pass tells
        } catch (SQLException e) {
            undo(savepoint);
            if (!isUniqueViolation(e)) {
                g.headInDoubt = true;
                p.fail(appendFailure(p, e));
                return;
            }
        } catch (EventStoreException e) {
            undo(savepoint);
            p.fail(e);
            return;
        }
        try {
            g.forgetCached();
            p.written(writeAppends(g, p, true));
        } catch (EventStoreException e) {
            undo(savepoint);
            p.fail(e);
        } catch (SQLException e) {
            undo(savepoint);
            g.headInDoubt = true;
            p.fail(appendFailure(p, e));
        }
    }

    /** Takes back one caller's appends, including rows batched but not yet sent. */
    private void undo(Savepoint savepoint) throws SQLException {
        insert.clearBatch();
        connection.rollback(savepoint);
    }

    private static EventStoreException appendFailure(PendingAppend p, SQLException e) {
        String stream = p.appends().get(0).streamId();
        if (VALUE_TOO_LONG.equals(e.getSQLState())) {
            return new EventStoreException("Append to stream '" + stream + "' refused: an event is larger than the"
                    + " store holds (JSON data and metadata up to 1,000,000 characters each; ids, types and stream ids"
                    + " up to 200-400). Nothing was stored.", e);
        }
        return new EventStoreException("Append to stream '" + stream + "' failed: " + Database.rootMessage(e), e);
    }

    /**
     * Checks and inserts one caller's appends. The fast pass trusts that event ids are new (the
     * unique index says otherwise) and what it has cached; the careful pass looks every id up
     * first, so a re-append of stored events returns their original result. What goes with the
     * appends is written last, before the group learns the new head, so its failure undoes only this caller.
     */
    private List<AppendResult> writeAppends(Group g, PendingAppend p, boolean careful) throws SQLException {
        List<StreamAppend> appends = p.appends();
        Map<String, Long> versions = new HashMap<>();
        long position = g.head;
        List<AppendResult> results = new ArrayList<>(appends.size());
        for (StreamAppend a : appends) {
            if (careful) {
                AppendResult replay = StoredEvents.idempotentReplay(a.streamId(), a.events(), this::stored);
                if (replay != null) {
                    results.add(replay);
                    continue;
                }
            }
            Long pending = versions.get(a.streamId());
            long actual = pending != null ? pending : g.version(a.streamId());
            if (!a.expected().accepts(actual)) {
                throw new ConcurrencyConflictException(a.streamId(), a.expected(), actual);
            }
            long version = actual;
            for (NewEvent e : a.events()) {
                EventRows.bind(dialect, insert, StoredEvents.envelope(a.streamId(), e, ++version, ++position, g.now));
                insert.addBatch();
            }
            if (careful) {
                insert.executeBatch(); // so the next append's stored-id lookups see these rows
            }
            versions.put(a.streamId(), version);
            results.add(new AppendResult(a.streamId(), version, position));
        }
        // One round trip for every stream of the call: what a database server over a network needs.
        insert.executeBatch();
        writeAlongside(p);
        g.head = position;
        g.versions.putAll(versions);
        return results;
    }

    /** Its failure is not the appends' (no unique violation of theirs to look into): it fails this caller only. */
    private void writeAlongside(PendingAppend p) {
        try {
            p.alongside().write(connection);
        } catch (SQLException | RuntimeException e) {
            throw new EventStoreException("Append to stream '" + p.appends().get(0).streamId() + "' failed: what is"
                    + " written with it could not be: " + Database.rootMessage(e) + ". Nothing was stored.", e);
        }
    }

    private EventEnvelope stored(String eventId) {
        try {
            byEventId.setString(1, eventId);
            try (ResultSet rs = byEventId.executeQuery()) {
                return rs.next() ? EventRows.read(dialect, rs) : null;
            }
        } catch (SQLException e) {
            throw new EventStoreException("Could not look up event id '" + eventId + "': " + e.getMessage(), e);
        }
    }

    private static boolean isUniqueViolation(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if (UNIQUE_VIOLATION.equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private void rollback() {
        try {
            insert.clearBatch();
            connection.rollback();
        } catch (SQLException ignored) {
            // The connection is broken; the failure already reported says why.
        }
    }

    private static long queryLong(PreparedStatement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        if (connection != null) {
            connection.close();
        }
    }

    /** What one transaction has written so far: the head position and the versions of streams it touched. */
    private final class Group {
        long head;
        boolean headInDoubt;
        final Instant now;
        final Map<String, Long> versions = new HashMap<>();

        Group(long head, Instant now) {
            this.head = head;
            this.now = now;
        }

        /** Reads head and versions afresh: another store on the same database may have written. */
        void forgetCached() throws SQLException {
            head = queryLong(AppendWriter.this.head);
            versions.clear();
            knownVersions.clear();
        }

        long version(String streamId) throws SQLException {
            Long known = versions.get(streamId);
            if (known == null) {
                known = knownVersions.get(streamId);
            }
            if (known != null) {
                return known;
            }
            streamVersion.setString(1, streamId);
            long v = queryLong(streamVersion);
            versions.put(streamId, v);
            return v;
        }
    }
}
