package io.eventscope.cli;

import io.eventscope.engine.store.jdbc.Database;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** How far an H2 store's filter index reaches, read without opening the store (whose own indexer would move it). */
final class FilterIndexProbe {
    private FilterIndexProbe() {
    }

    static long indexedTo(String store) throws SQLException {
        try (Database db = Database.open("jdbc:h2:file:" + store); Connection c = db.connection();
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT indexed_to FROM event_index")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
