package io.eventscope.engine.domain;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.store.AppendResult;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.EventStoreException;
import io.eventscope.engine.store.StreamAppend;
import io.eventscope.engine.store.jdbc.Database;
import io.eventscope.engine.store.jdbc.JdbcEventStore;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/** The journal in the store's database (table command_journal, migration V2). */
public final class JdbcCommandJournal implements CommandJournal {
    private static final String COLUMNS = "command_id, command_type, payload, user_id, correlation_id, "
            + "causation_id, ts, status, reason, stream_id, event_ids";
    private static final String UPDATE = "UPDATE command_journal SET command_type = ?, payload = ?, user_id = ?,"
            + " correlation_id = ?, causation_id = ?, ts = ?, status = ?, reason = ?, stream_id = ?, event_ids = ?"
            + " WHERE command_id = ?";
    private static final String INSERT = "INSERT INTO command_journal (" + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final Database db;

    public JdbcCommandJournal(Database db) {
        this.db = db;
    }

    /** Settles an entry in place, so the journal keeps the order commands arrived in. */
    @Override
    public void record(JournalEntry entry) {
        try (Connection conn = db.connection()) {
            conn.setAutoCommit(false);
            try {
                write(conn, entry);
                conn.commit();
            } catch (SQLException | RuntimeException e) {
                conn.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new EventStoreException("Could not journal command " + entry.commandId() + ": " + e.getMessage(), e);
        }
    }

    /** In place when the command id is journaled already, else as a new entry, in the caller's transaction. */
    private static void write(Connection conn, JournalEntry entry) throws SQLException {
        try (PreparedStatement update = conn.prepareStatement(UPDATE)) {
            bind(update, 1, entry);
            update.setString(11, entry.commandId());
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = conn.prepareStatement(INSERT)) {
            insert.setString(1, entry.commandId());
            bind(insert, 2, entry);
            insert.executeUpdate();
        }
    }

    /** An H2 file has one owner process; on a shared server the entry's row is locked while it is handled. */
    @Override
    public HandlingClaim handling(JournalEntry pending) {
        record(pending);
        return db.isH2() ? () -> { } : JournalRowClaim.hold(db, pending, this::record);
    }

    /**
     * On a shared server, the settler locks the PENDING row FOR UPDATE, which a live handler's
     * {@link JournalRowClaim} keeps it from (SKIP LOCKED passes the row over; otherwise it waits),
     * and settles it in the same transaction.
     */
    @Override
    public Optional<JournalEntry> settleIfAbandoned(String commandId, UnaryOperator<JournalEntry> settle,
                                                    boolean waitForHandler) {
        if (db.isH2()) {
            return CommandJournal.super.settleIfAbandoned(commandId, settle, waitForHandler);
        }
        String sql = "SELECT " + COLUMNS + " FROM command_journal WHERE command_id = ? AND status = ? FOR UPDATE"
                + (waitForHandler ? "" : " SKIP LOCKED");
        try (Connection conn = db.connection()) {
            conn.setAutoCommit(false);
            try {
                List<JournalEntry> abandoned = query(conn, sql, commandId, CommandStatus.PENDING.name());
                if (abandoned.isEmpty()) { // held by a live handler, or no longer PENDING
                    conn.rollback();
                    return byCommandId(commandId);
                }
                JournalEntry settled = settle.apply(abandoned.get(0));
                write(conn, settled);
                conn.commit();
                return Optional.of(settled);
            } catch (SQLException | RuntimeException e) {
                conn.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new EventStoreException("Could not settle command " + commandId + ": " + e.getMessage(), e);
        }
    }

    /**
     * One transaction for all of them: a simulation journals thousands of commands at a time.
     * Settled in place like {@link #record}: one batch of updates, then inserts for the new ones.
     */
    @Override
    public void recordAll(List<JournalEntry> entries) {
        try (Connection conn = db.connection()) {
            conn.setAutoCommit(false);
            try (PreparedStatement update = conn.prepareStatement(UPDATE);
                 PreparedStatement insert = conn.prepareStatement(INSERT)) {
                for (JournalEntry entry : entries) {
                    bind(update, 1, entry);
                    update.setString(11, entry.commandId());
                    update.addBatch();
                }
                int[] updated = update.executeBatch();
                for (int i = 0; i < entries.size(); i++) {
                    if (updated[i] == 0) {
                        insert.setString(1, entries.get(i).commandId());
                        bind(insert, 2, entries.get(i));
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
                conn.commit();
            } catch (SQLException | RuntimeException e) {
                conn.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new EventStoreException("Could not journal " + entries.size() + " commands: " + e.getMessage(), e);
        }
    }

    @Override
    public List<AppendResult> recordWithEvents(List<JournalEntry> newEntries, EventStore store,
                                               List<StreamAppend> appends) {
        if (store instanceof JdbcEventStore jdbc && jdbc.livesIn(db)) {
            return jdbc.appendAll(appends, connection -> insertAll(connection, newEntries));
        }
        return CommandJournal.super.recordWithEvents(newEntries, store, appends);
    }

    /** Plain inserts in the caller's transaction: new entries have nothing to settle in place. */
    private static void insertAll(Connection conn, List<JournalEntry> entries) throws SQLException {
        try (PreparedStatement insert = conn.prepareStatement(INSERT)) {
            for (JournalEntry entry : entries) {
                insert.setString(1, entry.commandId());
                bind(insert, 2, entry);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Binds every column but command_id, in COLUMNS order, from parameter {@code first} on. */
    private static void bind(PreparedStatement ps, int first, JournalEntry entry) throws SQLException {
        CommandEnvelope c = entry.command();
        int i = first;
        ps.setString(i++, c.commandType());
        ps.setString(i++, Json.write(c.payload()));
        ps.setString(i++, c.userId());
        ps.setString(i++, c.correlationId());
        ps.setString(i++, c.causationId());
        ps.setObject(i++, c.timestamp().atOffset(ZoneOffset.UTC));
        ps.setString(i++, entry.status().name());
        ps.setString(i++, entry.reason());
        ps.setString(i++, entry.streamId());
        ps.setString(i, Json.write(entry.eventIds()));
    }

    @Override
    public Optional<JournalEntry> byCommandId(String commandId) {
        List<JournalEntry> found = query("SELECT " + COLUMNS + " FROM command_journal WHERE command_id = ?", commandId);
        return found.stream().findFirst();
    }

    @Override
    public List<JournalEntry> byCorrelationId(String correlationId) {
        return query("SELECT " + COLUMNS + " FROM command_journal WHERE correlation_id = ? ORDER BY seq", correlationId);
    }

    @Override
    public List<JournalEntry> byStreamIds(Set<String> streamIds) {
        if (streamIds.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", Collections.nCopies(streamIds.size(), "?"));
        return query("SELECT " + COLUMNS + " FROM command_journal WHERE stream_id IN (" + marks + ") ORDER BY seq",
                streamIds.toArray());
    }

    @Override
    public List<JournalEntry> recent(int offset, int limit) {
        return query("SELECT " + COLUMNS + " FROM command_journal ORDER BY seq DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                offset, limit);
    }

    @Override
    public List<JournalEntry> pending() {
        return query("SELECT " + COLUMNS + " FROM command_journal WHERE status = ? ORDER BY seq",
                CommandStatus.PENDING.name());
    }

    @Override
    public long count() {
        try (Connection conn = db.connection();
             ResultSet rs = conn.createStatement().executeQuery("SELECT COUNT(*) FROM command_journal")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new EventStoreException("Could not count the command journal: " + e.getMessage(), e);
        }
    }

    private List<JournalEntry> query(String sql, Object... params) {
        try (Connection conn = db.connection()) {
            return query(conn, sql, params);
        } catch (SQLException e) {
            throw new EventStoreException("Could not read the command journal: " + e.getMessage(), e);
        }
    }

    private static List<JournalEntry> query(Connection conn, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<JournalEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(entry(rs));
                }
            }
            return out;
        }
    }

    private static JournalEntry entry(ResultSet rs) throws SQLException {
        try {
            JsonNode payload = Json.MAPPER.readTree(rs.getString("payload"));
            CommandEnvelope command = new CommandEnvelope(rs.getString("command_id"), rs.getString("command_type"),
                    payload, rs.getString("user_id"), rs.getString("correlation_id"), rs.getString("causation_id"),
                    rs.getObject("ts", OffsetDateTime.class).toInstant());
            List<String> eventIds = Json.MAPPER.readValue(rs.getString("event_ids"), STRINGS);
            return new JournalEntry(command, CommandStatus.valueOf(rs.getString("status")), rs.getString("reason"),
                    rs.getString("stream_id"), eventIds);
        } catch (IOException e) {
            throw new EventStoreException("Unreadable journal entry " + rs.getString("command_id") + ": "
                    + e.getMessage(), e);
        }
    }
}
