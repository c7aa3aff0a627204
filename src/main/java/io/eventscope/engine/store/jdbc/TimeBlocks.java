package io.eventscope.engine.store.jdbc;

import io.eventscope.engine.event.RawEvent;
import io.eventscope.engine.store.EventFilter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The time part of the filter index (V16's {@code event_time_blocks}): the earliest and latest
 * timestamp of each of the {@link PositionBlocks}, written by the {@link FilterIndexer} (a zone map). A time
 * window takes the blocks wholly inside it as they are and checks the events of the blocks its
 * bounds cut, on the primary key. When timestamps do not follow positions (an import of old
 * history, say) many blocks are cut; past {@value #MOST_CUT_BLOCKS} of them the window is
 * read from the timestamp index instead.
 */
final class TimeBlocks {
    static final String INSERT = "INSERT INTO event_time_blocks (first_position, last_position, min_ts, max_ts)"
            + " VALUES (?, ?, ?, ?)";
    private static final int MOST_CUT_BLOCKS = 64;

    private TimeBlocks() {
    }

    /** A run of positions and its time span. */
    private record Block(long first, long last, Instant min, Instant max) {
        Block with(RawEvent e) {
            Instant t = e.timestamp();
            return new Block(first, Math.max(last, e.position()), t.isBefore(min) ? t : min, t.isAfter(max) ? t : max);
        }
    }

    /** Adds the rows of the events of whole blocks to the insert's batch. */
    static void addRows(Dialect dialect, PreparedStatement insert, List<RawEvent> events) throws SQLException {
        Map<Long, Block> blocks = new LinkedHashMap<>();
        for (RawEvent e : events) {
            long start = PositionBlocks.start(e.position());
            Block b = blocks.get(start);
            blocks.put(start, b == null ? new Block(start, e.position(), e.timestamp(), e.timestamp()) : b.with(e));
        }
        for (Block b : blocks.values()) {
            insert.setLong(1, b.first());
            insert.setLong(2, b.last());
            insert.setObject(3, dialect.timestamp(b.min()));
            insert.setObject(4, dialect.timestamp(b.max()));
            insert.addBatch();
        }
    }

    /**
     * The positions from {@code lowest} to {@code highest} (indexed ones) inside the filter's time
     * window, as bits counted from {@code lowest}; null when too many blocks are cut.
     */
    static BitSet positions(Connection c, Dialect dialect, EventFilter window, long lowest, long highest)
            throws SQLException {
        Instant from = window.from();
        Instant to = window.to();
        List<Object> params = new ArrayList<>(List.of(lowest, highest));
        StringBuilder sql = new StringBuilder("SELECT first_position, last_position, min_ts, max_ts FROM event_time_blocks"
                + " WHERE last_position >= ? AND first_position <= ?");
        if (from != null) {
            sql.append(" AND max_ts >= ?");
            params.add(from);
        }
        if (to != null) {
            sql.append(" AND min_ts < ?");
            params.add(to);
        }
        BitSet found = new BitSet();
        List<Block> cut = new ArrayList<>();
        try (PreparedStatement s = new EventsSql.Query(sql.toString(), params).prepare(c, dialect);
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                Block b = new Block(rs.getLong(1), rs.getLong(2), dialect.timestamp(rs, 3), dialect.timestamp(rs, 4));
                boolean inside = (from == null || !b.min().isBefore(from)) && (to == null || b.max().isBefore(to));
                if (inside) {
                    set(found, Math.max(lowest, b.first()), Math.min(highest, b.last()), lowest);
                } else {
                    cut.add(b);
                }
            }
        }
        if (cut.size() > MOST_CUT_BLOCKS) {
            return null;
        }
        for (Block b : cut) {
            EventsSql.Query inBlock = EventsSql.positionsBetween(window, Math.max(lowest, b.first()),
                    Math.min(highest, b.last()));
            try (PreparedStatement s = inBlock.prepare(c, dialect); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.set(Math.toIntExact(rs.getLong(1) - lowest));
                }
            }
        }
        return found;
    }

    private static void set(BitSet bits, long first, long last, long lowest) {
        if (first <= last) {
            bits.set(Math.toIntExact(first - lowest), Math.toIntExact(last - lowest + 1));
        }
    }
}
