package io.eventscope.engine.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @Test
    void opensAFileDatabaseAndCreatesTheSchema(@TempDir Path dir) throws Exception {
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("shop"));
             Connection c = db.connection();
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM events")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
        assertThat(dir.resolve("shop.mv.db")).exists();
    }
}
