package io.eventscope.engine.store.jdbc;

import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Every statement the JDBC store runs against the events table, in one place. It is plain
 * SQL that H2 and PostgreSQL both accept; what differs is asked of the {@link Dialect}.
 * Timestamps go into parameter lists as Instants, which the store binds as its dialect keeps them.
 */
final class EventsSql {
    static final String COLUMNS = "position, event_id, stream_id, version, event_type, aggregate_type, "
            + "aggregate_id, schema_version, ts, correlation_id, causation_id, user_id, data, metadata";

    static final String INSERT = "INSERT INTO events (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String HEAD = "SELECT COALESCE(MAX(position), 0) FROM events";
    /** H2's instant row count. */
    static final String COUNT = "SELECT COUNT(*) FROM events";
    // Ordering by both columns of the (stream_id, version) index lets H2 read one row, or the
    // page asked for, instead of every event of the stream (measured: scanCount 1 vs 100,000).
    static final String STREAM_VERSION = "SELECT COALESCE((SELECT version FROM events WHERE stream_id = ?"
            + " ORDER BY stream_id DESC, version DESC FETCH FIRST 1 ROW ONLY), 0)";
    static final String BY_EVENT_ID = "SELECT " + COLUMNS + " FROM events WHERE event_id = ?";
    // event_type >= '' always holds (NOT NULL) but gives H2 a condition on the first column of
    // the (event_type, schema_version, position) index: without it H2 serves the position bound
    // from the primary key, reading every whole row with its JSON, instead of the index alone.
    static final String COUNT_BY_SCHEMA_VERSION = "SELECT event_type, schema_version, COUNT(*) FROM events"
            + " WHERE event_type >= '' AND position <= ? GROUP BY event_type, schema_version";
    // Ordering by every column of the (event_type, schema_version, position) index lets H2
    // stop after the page instead of sorting every event of that shape.
    static final String READ_SCHEMA_VERSION = "SELECT " + COLUMNS + " FROM events"
            + " WHERE event_type = ? AND schema_version = ? AND position BETWEEN ? AND ?"
            + " ORDER BY event_type, schema_version, position LIMIT ?";
    static final String STREAMS = "SELECT stream_id, MAX(version) FROM events GROUP BY stream_id ORDER BY stream_id";

    private static final char LIKE_ESCAPE = '\\';

    private EventsSql() {
    }

    static String readStream(Direction direction) {
        return direction == Direction.FORWARDS
                ? "SELECT " + COLUMNS + " FROM events WHERE stream_id = ? AND version >= ? ORDER BY stream_id, version LIMIT ?"
                : "SELECT " + COLUMNS + " FROM events WHERE stream_id = ? AND version <= ?"
                + " ORDER BY stream_id DESC, version DESC LIMIT ?";
    }

    /** The id and position of those of {@code ids} event ids that are stored, on the unique index. */
    static String positionsOf(int ids) {
        return "SELECT event_id, position FROM events WHERE event_id IN ("
                + String.join(", ", Collections.nCopies(ids, "?")) + ")";
    }

    /**
     * A read of the global log: the filter's conditions but its text, then positions between {@code lowest}
     * and {@code highest} (both inclusive) in the given order, and the limit.
     */
    static Query read(EventFilter filter, long lowest, long highest, int limit, Direction direction) {
        Query where = where(filter);
        List<Object> params = new ArrayList<>(where.params());
        params.add(lowest);
        params.add(highest);
        params.add(limit);
        String bound = "position BETWEEN ? AND ?";
        // with one type, ordering by both columns of the (event_type, position) index lets H2
        // stop after the page instead of sorting every event of the type
        String sorted = filter.types().size() == 1 ? "event_type, position" : "position";
        String order = direction == Direction.FORWARDS ? sorted : sorted.replace(",", " DESC,") + " DESC";
        String conditions = where.sql().isEmpty() ? bound : where.sql() + " AND " + bound;
        return new Query("SELECT " + COLUMNS + " FROM events WHERE " + conditions + " ORDER BY " + order + " LIMIT ?",
                params);
    }

    /**
     * The positions of the events meeting the filter's conditions but its text (which the text
     * index answers), in no particular order. No bound on the position: H2 would serve it from
     * the primary key, reading whole rows, instead of the condition's index alone.
     */
    static Query positions(EventFilter filter) {
        Query where = where(filter);
        return new Query("SELECT position FROM events" + (where.sql().isEmpty() ? "" : " WHERE " + where.sql()),
                where.params());
    }

    /** The positions of the events meeting the filter's conditions but its text between two positions, on the primary key. */
    static Query positionsBetween(EventFilter filter, long lowest, long highest) {
        Query where = where(filter);
        List<Object> params = new ArrayList<>(where.params());
        params.add(lowest);
        params.add(highest);
        String bound = "position BETWEEN ? AND ?";
        return new Query("SELECT position FROM events WHERE "
                + (where.sql().isEmpty() ? bound : where.sql() + " AND " + bound), params);
    }

    /**
     * The events between two positions in position order, on the primary key alone: the few
     * after the filter index's checkpoint, which the filter's rule then tests.
     */
    static final String EVENTS_BETWEEN = "SELECT " + COLUMNS + " FROM events WHERE position BETWEEN ? AND ? ORDER BY position";

    /** {@link #EVENTS_BETWEEN} in the given order. */
    static String eventsBetween(Direction direction) {
        return direction == Direction.FORWARDS ? EVENTS_BETWEEN : EVENTS_BETWEEN + " DESC";
    }

    /**
     * The positions of the events whose correlation or causation id starts with {@code prefix},
     * each on its own index (a range, as H2 plans a LIKE with a fixed start).
     */
    static Query idsStartingWith(String prefix) {
        String like = escapeLike(prefix) + "%";
        String escape = " ESCAPE '" + LIKE_ESCAPE + "'";
        return new Query("SELECT position FROM events WHERE correlation_id LIKE ?" + escape
                + " UNION ALL SELECT position FROM events WHERE causation_id LIKE ?" + escape, List.of(like, like));
    }

    /** The positions of up to ? events whose stream id sorts before ?, on the stream index. */
    static final String STREAMS_BEFORE = "SELECT position FROM events WHERE stream_id < ? FETCH FIRST ? ROWS ONLY";
    /** The positions of up to ? events whose stream id sorts at or after ?, on the stream index. */
    static final String STREAMS_FROM = "SELECT position FROM events WHERE stream_id >= ? FETCH FIRST ? ROWS ONLY";

    /** The position and stream id of the events between two positions, on the primary key. */
    static final String STREAM_IDS_BETWEEN = "SELECT position, stream_id FROM events WHERE position BETWEEN ? AND ?";

    /** The position and stream id of the events at {@code count} positions, on the primary key. */
    static String streamIdsAt(int count) {
        return "SELECT position, stream_id FROM events WHERE position IN ("
                + String.join(", ", Collections.nCopies(count, "?")) + ")";
    }

    /** The events at {@code count} positions, in position order. */
    static String eventsAt(int count) {
        return "SELECT " + COLUMNS + " FROM events WHERE position IN ("
                + String.join(", ", Collections.nCopies(count, "?")) + ") ORDER BY position";
    }

    /** The filter's conditions but its text, joined by AND; empty when there are none. */
    private static Query where(EventFilter filter) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        String pattern = filter.streamPattern();
        if (pattern != null && pattern.indexOf('*') < 0) {
            conditions.add("stream_id = ?");
            params.add(pattern);
        } else if (pattern != null) {
            conditions.add("stream_id LIKE ? ESCAPE '" + LIKE_ESCAPE + "'");
            params.add(escapeLike(pattern).replace('*', '%'));
        }
        if (filter.types().size() == 1) {
            conditions.add("event_type = ?");
            params.addAll(filter.types());
        } else if (!filter.types().isEmpty()) {
            conditions.add("event_type IN (" + String.join(", ", Collections.nCopies(filter.types().size(), "?")) + ")");
            params.addAll(filter.types().stream().sorted().toList());
        }
        if (filter.correlationId() != null) {
            conditions.add("correlation_id = ?");
            params.add(filter.correlationId());
        }
        if (filter.causationId() != null) {
            conditions.add("causation_id = ?");
            params.add(filter.causationId());
        }
        if (filter.from() != null) {
            conditions.add("ts >= ?");
            params.add(filter.from());
        }
        if (filter.to() != null) {
            conditions.add("ts < ?");
            params.add(filter.to());
        }
        return new Query(String.join(" AND ", conditions), params);
    }

    /** Makes {@code %}, {@code _} and the escape character match themselves. */
    private static String escapeLike(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char ch : text.toCharArray()) {
            if (ch == '%' || ch == '_' || ch == LIKE_ESCAPE) {
                out.append(LIKE_ESCAPE);
            }
            out.append(ch);
        }
        return out.toString();
    }

    /** SQL text with its parameters, in order. */
    record Query(String sql, List<Object> params) {
        /** The statement with its parameters bound, Instants as the dialect keeps timestamps. */
        PreparedStatement prepare(Connection c, Dialect dialect) throws SQLException {
            PreparedStatement s = c.prepareStatement(sql);
            for (int i = 0; i < params.size(); i++) {
                Object p = params.get(i);
                s.setObject(i + 1, p instanceof Instant instant ? dialect.timestamp(instant) : p);
            }
            return s;
        }
    }
}
