package io.eventscope.engine.projection;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Compares two generations of a read model row by row, with standard SQL's EXCEPT. */
final class ShadowCheck {
    private static final int SAMPLE = 10;

    private ShadowCheck() {
    }

    /** The read model's tables in a schema (its migration history left out), lower case, sorted. */
    static List<String> tables(Connection c, String schema) throws SQLException {
        List<String> out = new ArrayList<>();
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE", "BASE TABLE"})) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!table.equals(ReadModelSql.HISTORY_TABLE)) {
                    out.add(table);
                }
            }
        }
        out.sort(null);
        return out;
    }

    static CheckReport compare(Connection c, String name, long position, String live, String rebuilt)
            throws SQLException {
        List<CheckReport.TableDifference> out = new ArrayList<>();
        for (String table : tables(c, live)) {
            String onlyLive = "SELECT * FROM " + live + "." + table + " EXCEPT SELECT * FROM " + rebuilt + "." + table;
            String onlyRebuilt = "SELECT * FROM " + rebuilt + "." + table + " EXCEPT SELECT * FROM " + live + "." + table;
            out.add(new CheckReport.TableDifference(table, count(c, onlyLive), count(c, onlyRebuilt),
                    sample(c, onlyLive), sample(c, onlyRebuilt)));
        }
        return new CheckReport(name, position, out);
    }

    private static long count(Connection c, String query) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM (" + query + ") d")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> sample(Connection c, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            s.setMaxRows(SAMPLE);
            try (ResultSet rs = s.executeQuery(query)) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.append(i > 1 ? ", " : "").append(meta.getColumnLabel(i).toLowerCase(Locale.ROOT))
                                .append('=').append(rs.getString(i));
                    }
                    rows.add(row.toString());
                }
            }
        }
        return rows;
    }
}
