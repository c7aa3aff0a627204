package io.eventscope.engine.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Rows written on the append writer's connection inside the transaction of an append: they
 * commit with its events, or neither does (a simulation's journal goes with its events).
 */
@FunctionalInterface
public interface SameTransaction {
    SameTransaction NOTHING = connection -> { };

    void write(Connection connection) throws SQLException;
}
