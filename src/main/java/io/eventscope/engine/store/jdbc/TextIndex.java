package io.eventscope.engine.store.jdbc;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.store.TextWords;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The text index of the events table (V17's {@code event_words}): for each word, bitmaps of
 * the positions holding it (correlation and causation ids are looked up on their own indexes), written in the append transaction of their events. A bitmap row
 * covers one of the {@link PositionBlocks}, and positions are looked up by word prefix ranges.
 */
final class TextIndex {
    static final String INSERT = "INSERT INTO event_words (epoch, word, first_position, positions) VALUES (?, ?, ?, ?)";
    /** Positions per epoch: an append writes into the rows of one or two epochs only. */
    private static final long EPOCH = 4_096;
    static final String PREFIX_IN_EPOCH = "SELECT first_position, positions FROM event_words"
            + " WHERE epoch = ? AND word >= ? AND word < ?";
    private static final int BACKLOG_CHUNK = 20_000;
    private static final String BACKLOG = "SELECT next_position, last_position FROM event_words_backlog";
    private static final String BACKLOG_DONE_UP_TO = "UPDATE event_words_backlog SET next_position = ?";
    private static final String READ_RANGE = "SELECT " + EventsSql.COLUMNS + " FROM events"
            + " WHERE position BETWEEN ? AND ? ORDER BY position";
    private static final Logger LOG = LoggerFactory.getLogger(TextIndex.class);

    private TextIndex() {
    }

    /** A word and the first position of a bitmap row. */
    private record RowKey(String word, long firstPosition) {
    }

    /** Adds the rows of events written by one transaction, all at {@code firstPosition} or after, to the insert's batch. */
    static void addRows(PreparedStatement insert, List<EventEnvelope> written, long firstPosition) throws SQLException {
        Map<RowKey, Long> rows = new HashMap<>();
        for (EventEnvelope e : written) {
            long rowStart = PositionBlocks.rowStart(e.position(), firstPosition);
            long bit = 1L << (e.position() - rowStart);
            for (String word : TextWords.of(e)) {
                rows.merge(new RowKey(word, rowStart), bit, (a, b) -> a | b);
            }
        }
        for (Map.Entry<RowKey, Long> row : rows.entrySet()) {
            insert.setLong(1, epoch(row.getKey().firstPosition()));
            insert.setString(2, row.getKey().word());
            insert.setLong(3, row.getKey().firstPosition());
            insert.setLong(4, row.getValue());
            insert.addBatch();
        }
    }

    /**
     * Indexes the events stored before the index existed, a chunk per commit under the append
     * lock, so appends of other processes wait and an interrupted run resumes where it stopped.
     * Runs on the append writer's connection (not auto-committing) before its first append.
     */
    static void indexBacklog(Connection c, Dialect dialect) throws SQLException {
        try (PreparedStatement backlog = c.prepareStatement(BACKLOG);
             PreparedStatement done = c.prepareStatement(BACKLOG_DONE_UP_TO);
             PreparedStatement read = c.prepareStatement(READ_RANGE);
             PreparedStatement insert = c.prepareStatement(INSERT)) {
            while (true) {
                if (dialect.shared()) {
                    dialect.lockAndReadHead(c, List.of(), new HashMap<>()); // for the lock; the head is read below
                }
                long next;
                long last;
                try (ResultSet rs = backlog.executeQuery()) {
                    if (!rs.next() || rs.getLong(1) > rs.getLong(2)) {
                        c.commit();
                        return;
                    }
                    next = rs.getLong(1);
                    last = rs.getLong(2);
                }
                long end = Math.min(last, next + BACKLOG_CHUNK - 1);
                read.setLong(1, next);
                read.setLong(2, end);
                List<EventEnvelope> events = new ArrayList<>();
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        events.add(EventRows.read(dialect, rs));
                    }
                }
                addRows(insert, events, next);
                insert.executeBatch();
                done.setLong(1, end + 1);
                done.executeUpdate();
                c.commit();
                LOG.info("Text index: indexed the stored events up to position {} of {}", end, last);
            }
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }

    /**
     * The positions from {@code lowest} to {@code highest} holding, for each query word, a word
     * or a correlation or causation id starting with it, as bits counted from {@code lowest}.
     */
    static BitSet positions(Connection c, Dialect dialect, List<String> queryWords, long lowest, long highest)
            throws SQLException {
        BitSet all = null;
        for (String typed : queryWords) {
            BitSet matching = new BitSet();
            String word = typed.toLowerCase(Locale.ROOT);
            // a row starts less than a block before the positions it covers; one range lookup per
            // epoch, on one statement (H2 does not combine an IN list with the word range)
            try (PreparedStatement s = c.prepareStatement(PREFIX_IN_EPOCH)) {
                s.setString(2, word);
                s.setString(3, afterPrefix(word));
                for (long epoch = epoch(Math.max(1, lowest - PositionBlocks.SIZE + 1)); epoch <= epoch(highest); epoch++) {
                    s.setLong(1, epoch);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            setBits(matching, rs.getLong(1), rs.getLong(2), lowest, highest);
                        }
                    }
                }
            }
            try (PreparedStatement s = EventsSql.idsStartingWith(typed).prepare(c, dialect);
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long position = rs.getLong(1);
                    if (position >= lowest && position <= highest) {
                        matching.set(Math.toIntExact(position - lowest));
                    }
                }
            }
            if (all == null) {
                all = matching;
            } else {
                all.and(matching);
            }
        }
        return all == null ? new BitSet() : all;
    }

    private static long epoch(long position) {
        return (position - 1) / EPOCH;
    }

    private static void setBits(BitSet matching, long first, long positions, long lowest, long highest) {
        for (long bits = positions; bits != 0; bits &= bits - 1) {
            long position = first + Long.numberOfTrailingZeros(bits);
            if (position >= lowest && position <= highest) {
                matching.set(Math.toIntExact(position - lowest));
            }
        }
    }

    /** The smallest string greater than every string starting with {@code prefix}. */
    private static String afterPrefix(String prefix) {
        char last = prefix.charAt(prefix.length() - 1);
        return prefix.substring(0, prefix.length() - 1) + (char) (last + 1);
    }
}
