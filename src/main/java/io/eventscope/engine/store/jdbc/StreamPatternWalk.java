package io.eventscope.engine.store.jdbc;

import io.eventscope.engine.store.Direction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The first part of a page of the log whose filter is a stream pattern alone (what a read
 * model's rebuild asks for, {@code order-*}): rows read on the primary key from the page's
 * start, each stream id tested, only the matching rows decoded. The pattern's own index would
 * hand over every matching position of the whole log (H2 plans it so even with a position
 * bound), and finding the positions first reads each row twice. The walk goes in runs sized by
 * the share of matching rows seen so far, so it reads little past the page's last row; a
 * pattern too rare to fill the page within {@link #MOST_WALKED} positions leaves the rest to the
 * caller's search on the indexes.
 */
final class StreamPatternWalk {
    static final long MOST_WALKED = 65_536;
    /** The first run, and the least one: a page of a dense pattern costs one or two queries. */
    private static final long FIRST_RUN = 512;

    private StreamPatternWalk() {
    }

    /** Rows found in direction order, and the position the walk stopped before (after, backwards). */
    record Part<T>(List<T> rows, long next) {
    }

    static <T> Part<T> read(Connection c, Predicate<String> stream, long from, int limit, Direction direction,
                            long head, JdbcEventStore.Row<T> row) throws SQLException {
        boolean forwards = direction == Direction.FORWARDS;
        List<T> rows = new ArrayList<>();
        long next = forwards ? Math.max(1, from) : Math.min(from, head);
        long walked = 0;
        long run = Math.max(FIRST_RUN, limit);
        try (PreparedStatement s = c.prepareStatement(EventsSql.eventsBetween(direction))) {
            while (rows.size() < limit && walked < MOST_WALKED && (forwards ? next <= head : next >= 1)) {
                long lowest = forwards ? next : Math.max(1, next - run + 1);
                long highest = forwards ? Math.min(head, next + run - 1) : next;
                s.setLong(1, lowest);
                s.setLong(2, highest);
                try (ResultSet rs = s.executeQuery()) {
                    while (rows.size() < limit && rs.next()) {
                        if (stream.test(rs.getString(3))) {
                            rows.add(row.read(rs));
                        }
                    }
                }
                walked += highest - lowest + 1;
                next = forwards ? highest + 1 : lowest - 1;
                run = nextRun(run, walked, rows.size(), limit);
            }
        }
        return new Part<>(rows, next);
    }

    /** Enough positions, at the share matched so far and a quarter more, for the rows still missing. */
    private static long nextRun(long run, long walked, int found, int limit) {
        long wanted = found == 0 ? 2 * run : (limit - found) * walked / found * 5 / 4;
        return Math.max(FIRST_RUN, Math.min(wanted, MOST_WALKED - walked));
    }
}
