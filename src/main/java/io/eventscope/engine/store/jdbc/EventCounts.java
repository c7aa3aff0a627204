package io.eventscope.engine.store.jdbc;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.store.StoreCounts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * V16's {@code event_counts}: events and stream-opening events per (event type, aggregate
 * type), added to by each append transaction for what it wrote. The table holds a row per
 * pair ever written, a few dozen, so the update finds its row at once and stats read it whole.
 */
final class EventCounts {
    private static final String ADD = "UPDATE event_counts SET events = events + ?, streams = streams + ?"
            + " WHERE event_type = ? AND aggregate_type IS NOT DISTINCT FROM ?";
    private static final String INSERT = "INSERT INTO event_counts (events, streams, event_type, aggregate_type)"
            + " VALUES (?, ?, ?, ?)";
    private static final String READ = "SELECT event_type, aggregate_type, events, streams FROM event_counts";

    private final PreparedStatement add;
    private final PreparedStatement insert;

    EventCounts(Connection c) throws SQLException {
        this.add = c.prepareStatement(ADD);
        this.insert = c.prepareStatement(INSERT);
    }

    private record Kind(String eventType, String aggregateType) {
    }

    /** Adds what one transaction wrote; inserts the rows of pairs not counted before. */
    void add(List<EventEnvelope> written) throws SQLException {
        Map<Kind, long[]> counts = new LinkedHashMap<>();
        for (EventEnvelope e : written) {
            long[] c = counts.computeIfAbsent(new Kind(e.eventType(), e.aggregateType()), k -> new long[2]);
            c[0]++;
            c[1] += e.version() == 1 ? 1 : 0;
        }
        List<Map.Entry<Kind, long[]>> entries = new ArrayList<>(counts.entrySet());
        for (Map.Entry<Kind, long[]> entry : entries) {
            bind(add, entry);
        }
        int[] updated = add.executeBatch();
        boolean inserting = false;
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                bind(insert, entries.get(i));
                inserting = true;
            }
        }
        if (inserting) {
            insert.executeBatch();
        }
    }

    private static void bind(PreparedStatement s, Map.Entry<Kind, long[]> entry) throws SQLException {
        s.setLong(1, entry.getValue()[0]);
        s.setLong(2, entry.getValue()[1]);
        s.setString(3, entry.getKey().eventType());
        s.setString(4, entry.getKey().aggregateType());
        s.addBatch();
    }

    /** Takes back rows batched but not sent, when the transaction is undone. */
    void clear() throws SQLException {
        add.clearBatch();
        insert.clearBatch();
    }

    static StoreCounts read(Connection c) throws SQLException {
        List<StoreCounts.Kind> kinds = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(READ); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                kinds.add(new StoreCounts.Kind(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
            }
        }
        return new StoreCounts(kinds);
    }
}
