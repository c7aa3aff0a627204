package io.eventscope.shop.saga;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** An H2 trigger that refuses the 100th row inserted into its table, as a full disk would. */
public final class FailingInsert implements Trigger {
    static final int FAILING_ROW = 100;
    private int rows;

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        if (++rows == FAILING_ROW) {
            throw new SQLException("injected failure: no space left on device");
        }
    }
}
