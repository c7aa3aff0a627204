package io.eventscope.engine.store.jdbc;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.store.TextWords;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
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
    /** Epochs per lookup statement. */
    private static final int EPOCHS_PER_QUERY = 500;
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
                dialect.lockAppends(c);
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
            // a row starts less than a block before the positions it covers
            long firstEpoch = epoch(Math.max(1, lowest - PositionBlocks.SIZE + 1));
            for (long from = firstEpoch; from <= epoch(highest); from += EPOCHS_PER_QUERY) {
                int epochs = (int) Math.min(EPOCHS_PER_QUERY, epoch(highest) - from + 1);
                try (PreparedStatement s = c.prepareStatement(prefixInEpochs(epochs))) {
                    for (int i = 0; i < epochs; i++) {
                        s.setLong(i + 1, from + i);
                    }
                    s.setString(epochs + 1, word);
                    s.setString(epochs + 2, afterPrefix(word));
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

    /** The rows of words in a range, in some epochs: one index lookup per epoch. */
    static String prefixInEpochs(int epochs) {
        return "SELECT first_position, positions FROM event_words WHERE epoch IN ("
                + String.join(", ", Collections.nCopies(epochs, "?")) + ") AND word >= ? AND word < ?";
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
