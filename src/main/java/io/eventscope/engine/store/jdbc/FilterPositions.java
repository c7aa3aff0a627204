package io.eventscope.engine.store.jdbc;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.TextWords;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds which positions a filter matches without reading events: each condition on its own
 * index (stream id, type, the time blocks, the text index), the results intersected as bitmaps. An
 * index holds the position of each entry, so these reads touch the indexes alone. A condition
 * that names one correlation, causation or stream is so narrow that one query with every
 * condition but the text serves the filter.
 *
 * <p>The column indexes hold every stored event; the filter index (time blocks, text) only those
 * up to its checkpoint, which trails the log. The events after it are read and tested with the
 * filter's own rule, so the answer is the log's at every moment: right after an append, and after
 * a crash that left the index behind.
 */
final class FilterPositions {
    /** Above this, a stream pattern is looked up on its index instead (reading one id costs more than one index entry). */
    private static final int MOST_STREAM_IDS_READ = 5_000;
    private static final int STREAM_IDS_PER_QUERY = 500;
    /** A prefix pattern's other streams are read when they hold at most this many events (index entries, not rows). */
    private static final int MOST_OUTSIDE_PREFIX = 20_000;
    /** Windows narrower than this are searched on the primary key's range (a stream pattern on the window's stream ids). */
    private static final long STREAM_SCAN_WINDOW = 65_536;
    private final Connection c;
    private final Dialect dialect;

    FilterPositions(Connection c, Dialect dialect) {
        this.c = c;
        this.dialect = dialect;
    }

    /** The matching positions from {@code lowest} to {@code highest} (stored ones), as bits counted from {@code lowest}. */
    BitSet find(EventFilter filter, long lowest, long highest) throws SQLException {
        boolean needsFilterIndex = filter.text() != null || filter.from() != null || filter.to() != null;
        if (!needsFilterIndex) {
            return onIndexes(filter, lowest, highest);
        }
        long indexedTo;
        try (PreparedStatement s = c.prepareStatement(FilterIndexer.INDEXED_TO); ResultSet rs = s.executeQuery()) {
            rs.next();
            indexedTo = rs.getLong(1);
        }
        BitSet found = indexedTo < lowest ? new BitSet() : onIndexes(filter, lowest, Math.min(highest, indexedTo));
        long tailFrom = Math.max(lowest, indexedTo + 1);
        if (tailFrom <= highest) {
            readTail(filter, tailFrom, highest, lowest, found);
        }
        return found;
    }

    /**
     * Each condition is looked up only between the first and the last position the conditions
     * before it left (a time window first: its blocks bound the rest to the window's positions).
     */
    private BitSet onIndexes(EventFilter filter, long lowest, long highest) throws SQLException {
        BitSet matching = null;
        long from = lowest;
        long to = highest;
        List<EventFilter> conditions = conditions(filter);
        for (EventFilter condition : conditions) {
            matching = and(matching, rebased(positions(condition, from, to), from, lowest));
            if (matching.isEmpty()) {
                return matching;
            }
            from = lowest + matching.nextSetBit(0);
            to = lowest + matching.length() - 1;
        }
        if (filter.text() != null) {
            matching = and(matching, rebased(TextIndex.positions(c, dialect, TextWords.ofQuery(filter.text()), from, to),
                    from, lowest));
            if (matching.isEmpty()) {
                return matching;
            }
            from = lowest + matching.nextSetBit(0);
            to = lowest + matching.length() - 1;
        }
        boolean patternLeft = filter.streamPattern() != null && conditions.stream().noneMatch(f -> f.streamPattern() != null);
        if (patternLeft) {
            // a pattern can match most of the log ("order-*"): when the other conditions leave
            // few positions, their stream ids are read instead of every id the pattern matches
            if (matching != null && matching.cardinality() <= MOST_STREAM_IDS_READ) {
                keepStreams(matching, lowest, filter.streamMatcher());
            } else if (matching == null || !clearedOutsidePrefix(matching, lowest, filter.streamPattern())) {
                matching = and(matching, rebased(positions(EventFilter.stream(filter.streamPattern()), from, to), from, lowest));
            }
        }
        if (matching == null) {
            matching = new BitSet();
            matching.set(0, Math.toIntExact(highest - lowest + 1));
        }
        return matching;
    }

    private static BitSet and(BitSet matching, BitSet found) {
        if (matching == null) {
            return found;
        }
        matching.and(found);
        return matching;
    }

    /** Bits counted from {@code from} as bits counted from {@code lowest} (at or before it). */
    private static BitSet rebased(BitSet bits, long from, long lowest) {
        if (from == lowest) {
            return bits;
        }
        int by = Math.toIntExact(from - lowest);
        BitSet out = new BitSet();
        for (int bit = bits.nextSetBit(0); bit >= 0; bit = bits.nextSetBit(bit + 1)) {
            out.set(bit + by);
        }
        return out;
    }

    /**
     * For a prefix pattern ({@code order-*}) matching nearly every stream, clears the positions of
     * the streams outside it, two ranges of the stream index; false, changing nothing, when it is
     * not a prefix pattern or those streams hold more than {@value #MOST_OUTSIDE_PREFIX} events
     * (then reading what the pattern matches is no dearer).
     */
    private boolean clearedOutsidePrefix(BitSet matching, long lowest, String pattern) throws SQLException {
        int star = pattern.indexOf('*');
        if (star != pattern.length() - 1 || star == 0 || !dialect.sortsTextByCharacter()) {
            return false;
        }
        String prefix = pattern.substring(0, star);
        List<Long> outside = new ArrayList<>();
        for (String sql : List.of(EventsSql.STREAMS_BEFORE, EventsSql.STREAMS_FROM)) {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, sql.equals(EventsSql.STREAMS_BEFORE) ? prefix : TextIndex.afterPrefix(prefix));
                s.setInt(2, MOST_OUTSIDE_PREFIX + 1 - outside.size());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        outside.add(rs.getLong(1));
                    }
                }
            }
            if (outside.size() > MOST_OUTSIDE_PREFIX) {
                return false;
            }
        }
        for (long position : outside) {
            long bit = position - lowest;
            if (bit >= 0 && bit < matching.length()) {
                matching.clear(Math.toIntExact(bit));
            }
        }
        return true;
    }

    /** Sets the bits of the events from {@code from} to {@code to} that match, read whole and tested with the filter's rule. */
    private void readTail(EventFilter filter, long from, long to, long lowest, BitSet found) throws SQLException {
        Predicate<EventEnvelope> matches = filter.predicate();
        try (PreparedStatement s = c.prepareStatement(EventsSql.EVENTS_BETWEEN)) {
            s.setLong(1, from);
            s.setLong(2, to);
            s.setFetchSize(1_000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    EventEnvelope e = EventRows.read(dialect, rs);
                    if (matches.test(e)) {
                        found.set(Math.toIntExact(e.position() - lowest));
                    }
                }
            }
        }
    }

    /**
     * The positions between two positions whose stream matches, from the primary key's range:
     * a pattern's own query ("order-*") would read every matching position of the whole log.
     */
    private BitSet streamsBetween(Predicate<String> stream, long lowest, long highest) throws SQLException {
        BitSet found = new BitSet();
        try (PreparedStatement s = c.prepareStatement(EventsSql.STREAM_IDS_BETWEEN)) {
            s.setLong(1, lowest);
            s.setLong(2, highest);
            s.setFetchSize(10_000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (stream.test(rs.getString(2))) {
                        found.set(Math.toIntExact(rs.getLong(1) - lowest));
                    }
                }
            }
        }
        return found;
    }

    /** Clears the positions whose stream id fails the pattern, reading the ids by primary key. */
    private void keepStreams(BitSet matching, long lowest, Predicate<String> stream) throws SQLException {
        long[] positions = matching.stream().mapToLong(bit -> lowest + bit).toArray();
        for (int from = 0; from < positions.length; from += STREAM_IDS_PER_QUERY) {
            int count = Math.min(STREAM_IDS_PER_QUERY, positions.length - from);
            try (PreparedStatement s = c.prepareStatement(EventsSql.streamIdsAt(count))) {
                for (int i = 0; i < count; i++) {
                    s.setLong(i + 1, positions[from + i]);
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        if (!stream.test(rs.getString(2))) {
                            matching.clear(Math.toIntExact(rs.getLong(1) - lowest));
                        }
                    }
                }
            }
        }
    }

    /**
     * The filter, but its text and a stream pattern, as filters of one condition each (a time
     * window first), or as itself when it has a narrow one.
     */
    private static List<EventFilter> conditions(EventFilter filter) {
        EventFilter withoutText = filter.withText(null);
        boolean exactStream = filter.streamPattern() != null && filter.streamPattern().indexOf('*') < 0;
        if (exactStream || filter.correlationId() != null || filter.causationId() != null) {
            return List.of(withoutText);
        }
        List<EventFilter> conditions = new ArrayList<>();
        if (filter.from() != null || filter.to() != null) {
            conditions.add(EventFilter.ALL.withTimeWindow(filter.from(), filter.to()));
        }
        if (!filter.types().isEmpty()) {
            conditions.add(EventFilter.ALL.withTypes(filter.types()));
        }
        return conditions;
    }

    private BitSet positions(EventFilter condition, long lowest, long highest) throws SQLException {
        boolean streamOnly = condition.streamPattern() != null && condition.equals(EventFilter.stream(condition.streamPattern()));
        if (streamOnly && highest - lowest < STREAM_SCAN_WINDOW) {
            return streamsBetween(condition.streamMatcher(), lowest, highest);
        }
        if (condition.from() != null || condition.to() != null) {
            BitSet inWindow = TimeBlocks.positions(c, dialect, condition, lowest, highest);
            if (inWindow != null) {
                return inWindow;
            }
        }
        boolean typesOnly = !condition.types().isEmpty() && condition.equals(EventFilter.ALL.withTypes(condition.types()));
        if (typesOnly) {
            return typesBetween(condition.types(), lowest, highest);
        }
        // A narrow window (a page of a reader walking the log) is read on the primary key's range; a wide one on
        // the condition's own index, which would otherwise read every matching position of the whole log.
        EventsSql.Query query = highest - lowest < STREAM_SCAN_WINDOW ? EventsSql.positionsBetween(condition, lowest, highest)
                : EventsSql.positions(condition);
        BitSet found = new BitSet();
        try (PreparedStatement s = query.prepare(c, dialect)) {
            s.setFetchSize(10_000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long position = rs.getLong(1);
                    if (position >= lowest && position <= highest) {
                        found.set(Math.toIntExact(position - lowest));
                    }
                }
            }
        }
        return found;
    }

    /** The positions of events of these types between two positions: one range of the (event_type, position) index each. */
    private BitSet typesBetween(Set<String> types, long lowest, long highest) throws SQLException {
        BitSet found = new BitSet();
        for (String type : types) {
            EventsSql.Query query = EventsSql.positionsBetween(EventFilter.ALL.withTypes(Set.of(type)), lowest, highest);
            try (PreparedStatement s = query.prepare(c, dialect)) {
                s.setFetchSize(10_000);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.set(Math.toIntExact(rs.getLong(1) - lowest));
                    }
                }
            }
        }
        return found;
    }
}
