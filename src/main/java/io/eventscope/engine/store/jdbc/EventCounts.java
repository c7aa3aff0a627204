package io.eventscope.engine.store.jdbc;

import io.eventscope.engine.event.RawEvent;
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
 * The counters of the filter index (V16's {@code event_counts}): events and stream-opening
 * events per (event type, aggregate type), added to by the {@link FilterIndexer} for each batch
 * it indexes. The table holds a row per pair ever written, a few dozen, so the update finds its
 * row at once and stats read it whole, with the few events after the checkpoint counted apart.
 */
final class EventCounts {
    private static final String ADD = "UPDATE event_counts SET events = events + ?, streams = streams + ?"
            + " WHERE event_type = ? AND aggregate_type IS NOT DISTINCT FROM ?";
    private static final String INSERT = "INSERT INTO event_counts (events, streams, event_type, aggregate_type)"
            + " VALUES (?, ?, ?, ?)";
    // One statement, so the counters and the checkpoint are of the same snapshot: both change in one indexer transaction.
    private static final String READ = "SELECT i.indexed_to, c.event_type, c.aggregate_type, c.events, c.streams"
            + " FROM event_index i LEFT JOIN event_counts c ON 1 = 1";
    private static final String TAIL = "SELECT event_type, aggregate_type, COUNT(*),"
            + " SUM(CASE WHEN version = 1 THEN 1 ELSE 0 END) FROM events WHERE position > ?"
            + " GROUP BY event_type, aggregate_type";

    private final PreparedStatement add;
    private final PreparedStatement insert;

    EventCounts(Connection c) throws SQLException {
        this.add = c.prepareStatement(ADD);
        this.insert = c.prepareStatement(INSERT);
    }

    private record Kind(String eventType, String aggregateType) {
    }

    /** Adds what one batch holds; inserts the rows of pairs not counted before. */
    void add(List<RawEvent> events) throws SQLException {
        Map<Kind, long[]> counts = new LinkedHashMap<>();
        for (RawEvent e : events) {
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

    /** The counters up to the checkpoint plus a count of the events after it. */
    static StoreCounts read(Connection c) throws SQLException {
        List<StoreCounts.Kind> kinds = new ArrayList<>();
        long indexedTo = 0;
        try (PreparedStatement s = c.prepareStatement(READ); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                indexedTo = rs.getLong(1);
                if (rs.getString(2) != null) {
                    kinds.add(new StoreCounts.Kind(rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5)));
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement(TAIL)) {
            s.setLong(1, indexedTo);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    kinds.add(new StoreCounts.Kind(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
                }
            }
        }
        return new StoreCounts(kinds);
    }
}
