package io.eventscope.engine.bus;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.EventStoreException;
import io.eventscope.engine.store.jdbc.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Dead letters in the store's database (table dead_letters, migration V3). A letter keeps the
 * position of its event; the event itself is read back from the store.
 */
public final class JdbcDeadLetters implements DeadLetters {
    private static final String SELECT = "SELECT id, handler_name, position, event_id, error, attempts, parked_at "
            + "FROM dead_letters";

    private final Database db;
    private final EventStore store;

    public JdbcDeadLetters(Database db, EventStore store) {
        this.db = db;
        this.store = store;
    }

    @Override
    public long park(DeadLetter letter) {
        EventEnvelope e = letter.event();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO dead_letters (handler_name, position, event_id, event_type, stream_id, error, attempts, "
                        + "parked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, letter.handlerName());
            ps.setLong(2, e.position());
            ps.setString(3, e.eventId());
            ps.setString(4, e.eventType());
            ps.setString(5, e.streamId());
            ps.setString(6, letter.error());
            ps.setInt(7, letter.attempts());
            ps.setObject(8, letter.parkedAt().atOffset(ZoneOffset.UTC));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException ex) {
            throw new EventStoreException("Could not park a dead letter for handler '" + letter.handlerName()
                    + "' and event " + e.eventId() + ": " + ex.getMessage(), ex);
        }
    }

    @Override
    public List<DeadLetter> list() {
        return query(SELECT + " ORDER BY id");
    }

    @Override
    public Optional<DeadLetter> find(long id) {
        return query(SELECT + " WHERE id = ?", id).stream().findFirst();
    }

    @Override
    public void failedAgain(long id, String error, int attempts) {
        update("UPDATE dead_letters SET error = ?, attempts = ? WHERE id = ?", error, attempts, id);
    }

    @Override
    public boolean remove(long id) {
        return update("DELETE FROM dead_letters WHERE id = ?", id) > 0;
    }

    private int update(String sql, Object... params) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException ex) {
            throw new EventStoreException("Could not update dead letters: " + ex.getMessage(), ex);
        }
    }

    private List<DeadLetter> query(String sql, Object... params) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<DeadLetter> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new DeadLetter(rs.getLong("id"), rs.getString("handler_name"),
                            event(rs.getLong("position"), rs.getString("event_id")), rs.getString("error"),
                            rs.getInt("attempts"), rs.getObject("parked_at", OffsetDateTime.class).toInstant()));
                }
            }
            return out;
        } catch (SQLException ex) {
            throw new EventStoreException("Could not read dead letters: " + ex.getMessage(), ex);
        }
    }

    private EventEnvelope event(long position, String eventId) {
        return store.eventAt(position).filter(e -> e.eventId().equals(eventId))
                .orElseThrow(() -> new EventStoreException("Dead letter points at event " + eventId
                        + " at position " + position + ", which is not in " + store.describe()));
    }
}
