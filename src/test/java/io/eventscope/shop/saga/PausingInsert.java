package io.eventscope.shop.saga;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * An H2 trigger that, at the row {@link #ROW} names, says {@code paused} on stdout and waits
 * there for good: the moment a test kills the process, halfway through a write.
 */
public final class PausingInsert implements Trigger {
    static final String ROW = "eventscope.test.pauseAtRow";
    private final int pauseAt = Integer.getInteger(ROW);
    private int rows;

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        if (++rows == pauseAt) {
            System.out.println("paused");
            System.out.flush();
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                throw new SQLException("interrupted while paused", e);
            }
        }
    }
}
