package io.eventscope.cli.bench;

import io.eventscope.engine.domain.CommandEnvelope;
import io.eventscope.engine.domain.JournalEntry;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.event.StreamIds;
import io.eventscope.engine.store.StreamAppend;
import io.eventscope.engine.store.jdbc.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The baselines: the same rows the store writes, inserted and scanned with nothing but JDBC.
 * Rows are prepared (JSON already text) before the clock starts.
 */
final class RawJdbc {
    private static final String INSERT = "INSERT INTO events (position, event_id, stream_id, version, event_type,"
            + " aggregate_type, aggregate_id, schema_version, ts, correlation_id, causation_id, user_id, data, metadata)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String INSERT_COMMAND = "INSERT INTO command_journal (command_id, command_type, payload,"
            + " user_id, correlation_id, causation_id, ts, status, reason, stream_id, event_ids)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private RawJdbc() {
    }

    /** One row as the store would write it, with versions counted per append (new streams). */
    record Row(long position, NewEvent event, String streamId, long version, String data) {
    }

    static List<Row> rows(List<StreamAppend> appends, long firstPosition) {
        List<Row> rows = new ArrayList<>();
        long position = firstPosition;
        for (StreamAppend a : appends) {
            long version = 0;
            for (NewEvent e : a.events()) {
                rows.add(new Row(position++, e, a.streamId(), ++version, Json.write(e.data())));
            }
        }
        return rows;
    }

    /** Inserts the rows as one batch in one transaction. */
    static void insert(Database db, Connection c, List<Row> rows) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            Object now = db.timestamp(Instant.now());
            for (Row r : rows) {
                bind(s, r, now);
                s.addBatch();
            }
            s.executeBatch();
        }
        c.commit();
    }

    /** Inserts journal entries as one batch in the connection's transaction, left open. */
    static void insertCommands(Connection c, List<JournalEntry> entries) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement s = c.prepareStatement(INSERT_COMMAND)) {
            for (JournalEntry entry : entries) {
                CommandEnvelope command = entry.command();
                s.setString(1, command.commandId());
                s.setString(2, command.commandType());
                s.setString(3, Json.write(command.payload()));
                s.setString(4, command.userId());
                s.setString(5, command.correlationId());
                s.setString(6, command.causationId());
                s.setObject(7, command.timestamp().atOffset(ZoneOffset.UTC));
                s.setString(8, entry.status().name());
                s.setString(9, entry.reason());
                s.setString(10, entry.streamId());
                s.setString(11, Json.write(entry.eventIds()));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Inserts each row in a transaction of its own. */
    static void insertEach(Database db, Connection c, List<Row> rows) throws SQLException {
        c.setAutoCommit(true);
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            for (Row r : rows) {
                bind(s, r, db.timestamp(Instant.now()));
                s.executeUpdate();
            }
        }
    }

    /**
     * Reads every column of every row in position order, in pages of {@code page} rows as the
     * store reads (one unbounded query makes H2 spill the result to a temporary file, which
     * would flatter the store); returns the row count.
     */
    static long scan(Connection c, int page) throws SQLException {
        long rows = 0;
        long next = 1;
        try (PreparedStatement s = c.prepareStatement("SELECT position, event_id, stream_id, version, event_type,"
                + " aggregate_type, aggregate_id, schema_version, ts, correlation_id, causation_id, user_id, data,"
                + " metadata FROM events WHERE position >= ? ORDER BY position LIMIT ?")) {
            s.setInt(2, page);
            int read;
            do {
                s.setLong(1, next);
                read = 0;
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        next = rs.getLong(1) + 1;
                        rs.getString(2);
                        rs.getString(3);
                        rs.getLong(4);
                        rs.getString(5);
                        rs.getString(6);
                        rs.getString(7);
                        rs.getInt(8);
                        rs.getObject(9); // a timestamp on H2, nanoseconds on PostgreSQL
                        rs.getString(10);
                        rs.getString(11);
                        rs.getString(12);
                        rs.getString(13);
                        rs.getString(14);
                        read++;
                    }
                }
                rows += read;
            } while (read == page);
        }
        return rows;
    }

    private static void bind(PreparedStatement s, Row r, Object now) throws SQLException {
        NewEvent e = r.event();
        s.setLong(1, r.position());
        s.setString(2, e.eventId());
        s.setString(3, r.streamId());
        s.setLong(4, r.version());
        s.setString(5, e.eventType());
        s.setString(6, StreamIds.aggregateType(r.streamId()));
        s.setString(7, StreamIds.aggregateId(r.streamId()));
        s.setInt(8, e.schemaVersion());
        s.setObject(9, now);
        s.setString(10, e.metadata().correlationId());
        s.setString(11, e.metadata().causationId());
        s.setString(12, e.metadata().userId());
        s.setString(13, r.data());
        s.setString(14, null);
    }
}
