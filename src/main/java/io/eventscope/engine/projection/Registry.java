package io.eventscope.engine.projection;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.store.jdbc.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

/** The projections' bookkeeping tables: live generation, pause, park, checkpoints, skips. */
final class Registry {
    private final Database db;

    Registry(Database db) {
        this.db = db;
    }

    /** What is stored about one projection, or null when it was never opened here. */
    record Entry(int liveGeneration, boolean paused, Long parkedPosition, String lastError) {
    }

    Entry entry(String name) throws SQLException {
        try (Connection c = db.connection(); PreparedStatement s = c.prepareStatement(
                "SELECT live_generation, paused, parked_position, last_error FROM projections WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Long parked = rs.getObject(3, Long.class);
                return new Entry(rs.getInt(1), rs.getBoolean(2), parked, rs.getString(4));
            }
        }
    }

    void insert(String name, int generation) throws SQLException {
        update("INSERT INTO projections (name, live_generation, paused) VALUES (?, ?, FALSE)", name, generation);
    }

    void setPaused(String name, boolean paused) throws SQLException {
        update("UPDATE projections SET paused = ? WHERE name = ?", paused, name);
    }

    void park(String name, long position, String error) throws SQLException {
        update("UPDATE projections SET parked_position = ?, last_error = ?, error_at = ? WHERE name = ?",
                position, truncate(error), now(), name);
    }

    void unpark(String name) throws SQLException {
        update("UPDATE projections SET parked_position = NULL WHERE name = ?", name);
    }

    /** Makes {@code generation} the live one, a fresh start without park or error; one transaction. */
    void swap(String name, int generation) throws SQLException {
        update("UPDATE projections SET live_generation = ?, parked_position = NULL, last_error = NULL, error_at = NULL"
                + " WHERE name = ?", generation, name);
    }

    int nextGeneration(String name) throws SQLException {
        try (Connection c = db.connection(); PreparedStatement s = c.prepareStatement(
                "SELECT COALESCE(MAX(generation), 0) FROM projection_checkpoints WHERE projection = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                Entry entry = entry(name);
                return Math.max(rs.getInt(1), entry == null ? 0 : entry.liveGeneration()) + 1;
            }
        }
    }

    void addCheckpoint(String name, int generation) throws SQLException {
        update("INSERT INTO projection_checkpoints (projection, generation, position) VALUES (?, ?, 0)", name, generation);
    }

    void removeCheckpoint(String name, int generation) throws SQLException {
        update("DELETE FROM projection_checkpoints WHERE projection = ? AND generation = ?", name, generation);
    }

    long checkpoint(String name, int generation) throws SQLException {
        try (Connection c = db.connection(); PreparedStatement s = c.prepareStatement(
                "SELECT position FROM projection_checkpoints WHERE projection = ? AND generation = ?")) {
            s.setString(1, name);
            s.setInt(2, generation);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("no checkpoint for generation " + generation + " of " + name);
                }
                return rs.getLong(1);
            }
        }
    }

    /** Records the skip and moves the live checkpoint past the event, in one transaction. */
    void skip(String name, int generation, EventEnvelope event, String error) throws SQLException {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO projection_skips"
                        + " (projection, position, event_id, event_type, error, skipped_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                    s.setString(1, name);
                    s.setLong(2, event.position());
                    s.setString(3, event.eventId());
                    s.setString(4, event.eventType());
                    s.setString(5, truncate(error));
                    s.setObject(6, now());
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement("UPDATE projection_checkpoints SET position = ?"
                        + " WHERE projection = ? AND generation = ? AND position = ?")) {
                    s.setLong(1, event.position());
                    s.setString(2, name);
                    s.setInt(3, generation);
                    s.setLong(4, event.position() - 1);
                    if (s.executeUpdate() != 1) {
                        throw new SQLException("the checkpoint of " + name + " is not just before position "
                                + event.position());
                    }
                }
                try (PreparedStatement s = c.prepareStatement("UPDATE projections SET parked_position = NULL WHERE name = ?")) {
                    s.setString(1, name);
                    s.executeUpdate();
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    Set<Long> skippedPositions(String name) throws SQLException {
        try (Connection c = db.connection(); PreparedStatement s = c.prepareStatement(
                "SELECT position FROM projection_skips WHERE projection = ?")) {
            s.setString(1, name);
            Set<Long> out = new HashSet<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        }
    }

    private void update(String sql, Object... params) throws SQLException {
        try (Connection c = db.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 20_000 ? error : error.substring(0, 20_000);
    }
}
