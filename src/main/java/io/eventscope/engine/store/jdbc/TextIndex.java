package io.eventscope.engine.store.jdbc;

import io.eventscope.engine.event.RawEvent;
import io.eventscope.engine.store.TextWords;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The text part of the filter index (V16's {@code event_words}): for each word, a bitmap of the
 * positions of one of the {@link PositionBlocks} holding it, written by the {@link FilterIndexer}
 * for whole blocks. Positions are looked up by word prefix ranges; correlation and causation ids
 * are looked up on their own column indexes.
 */
final class TextIndex {
    static final String INSERT = "INSERT INTO event_words (epoch, word, first_position, positions) VALUES (?, ?, ?, ?)";
    /** Positions per epoch: a batch of the indexer writes into the rows of one or two epochs only. */
    static final int EPOCH = 8 * PositionBlocks.SIZE;
    static final String PREFIX_IN_EPOCH = "SELECT first_position, positions FROM event_words"
            + " WHERE epoch = ? AND word >= ? AND word < ?";

    private TextIndex() {
    }

    /** A word and the first position of a bitmap row. */
    private record RowKey(String word, long firstPosition) {
    }

    /** Adds the rows of the events of whole blocks to the insert's batch. */
    static void addRows(PreparedStatement insert, List<RawEvent> blocks) throws SQLException {
        Map<RowKey, BitSet> rows = new HashMap<>();
        for (RawEvent e : blocks) {
            long rowStart = PositionBlocks.start(e.position());
            int offset = (int) (e.position() - rowStart);
            for (String word : TextWords.of(e)) {
                rows.computeIfAbsent(new RowKey(word, rowStart), k -> new BitSet(PositionBlocks.SIZE)).set(offset);
            }
        }
        for (Map.Entry<RowKey, BitSet> row : rows.entrySet()) {
            insert.setLong(1, epoch(row.getKey().firstPosition()));
            insert.setString(2, row.getKey().word());
            insert.setLong(3, row.getKey().firstPosition());
            insert.setBytes(4, BlockBitmap.encode(row.getValue()));
            insert.addBatch();
        }
    }

    /**
     * The positions from {@code lowest} to {@code highest} holding, for each query word, a word
     * or a correlation or causation id starting with it, as bits counted from {@code lowest}.
     * {@code highest} must be indexed: the index knows nothing after its checkpoint.
     */
    static BitSet positions(Connection c, Dialect dialect, List<String> queryWords, long lowest, long highest)
            throws SQLException {
        BitSet all = null;
        for (String typed : queryWords) {
            BitSet matching = new BitSet();
            String word = typed.toLowerCase(Locale.ROOT);
            // one range lookup per epoch, on one statement (H2 does not combine an IN list with the word range)
            try (PreparedStatement s = c.prepareStatement(PREFIX_IN_EPOCH)) {
                s.setString(2, word);
                s.setString(3, afterPrefix(word));
                for (long epoch = epoch(lowest); epoch <= epoch(highest); epoch++) {
                    s.setLong(1, epoch);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            setBits(matching, rs.getLong(1), BlockBitmap.decode(rs.getBytes(2)), lowest, highest);
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

    private static void setBits(BitSet matching, long first, BitSet offsets, long lowest, long highest) {
        for (int i = offsets.nextSetBit(0); i >= 0; i = offsets.nextSetBit(i + 1)) {
            long position = first + i;
            if (position >= lowest && position <= highest) {
                matching.set(Math.toIntExact(position - lowest));
            }
        }
    }

    /** The smallest string greater than every string starting with {@code prefix}. */
    static String afterPrefix(String prefix) {
        char last = prefix.charAt(prefix.length() - 1);
        return prefix.substring(0, prefix.length() - 1) + (char) (last + 1);
    }
}
