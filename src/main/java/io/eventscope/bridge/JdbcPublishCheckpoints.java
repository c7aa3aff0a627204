package io.eventscope.bridge;

import io.eventscope.engine.store.EventStoreException;
import io.eventscope.engine.store.jdbc.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Checkpoints in the store's database (table bridge_checkpoints, migration V15). */
public final class JdbcPublishCheckpoints implements PublishCheckpoints {
    private final Database db;

    public JdbcPublishCheckpoints(Database db) {
        this.db = db;
    }

    @Override
    public long confirmed(String bridge) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT position FROM bridge_checkpoints WHERE bridge = ?")) {
            ps.setString(1, bridge);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new EventStoreException("Could not read the checkpoint of bridge " + bridge + ": " + e.getMessage(), e);
        }
    }

    /** An update, else an insert: plain SQL that H2 and PostgreSQL both run (their upserts differ). */
    @Override
    public void confirm(String bridge, long position) {
        try (Connection c = db.connection();
             PreparedStatement update = c.prepareStatement("UPDATE bridge_checkpoints SET position = ? WHERE bridge = ?")) {
            update.setLong(1, position);
            update.setString(2, bridge);
            if (update.executeUpdate() == 0) {
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO bridge_checkpoints (bridge, position) VALUES (?, ?)")) {
                    insert.setString(1, bridge);
                    insert.setLong(2, position);
                    insert.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new EventStoreException("Could not save the checkpoint of bridge " + bridge + ": " + e.getMessage(), e);
        }
    }
}
