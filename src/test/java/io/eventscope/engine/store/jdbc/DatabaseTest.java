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

    @Test
    void anH2FileOpensCompressedAndWithoutCloseTimeCompactionUnlessTheUrlSaysOtherwise() {
        assertThat(Database.withH2FileSettings("jdbc:h2:file:/data/shop"))
                .isEqualTo("jdbc:h2:file:/data/shop;COMPRESS=TRUE;MAX_COMPACT_TIME=0");
        assertThat(Database.withH2FileSettings("jdbc:h2:file:/data/shop;compress=false"))
                .isEqualTo("jdbc:h2:file:/data/shop;compress=false;MAX_COMPACT_TIME=0");
        assertThat(Database.withH2FileSettings("jdbc:h2:mem:shop")).isEqualTo("jdbc:h2:mem:shop");
    }

    @Test
    void aFileDatabaseWritesCompressedPages(@TempDir Path dir) throws Exception {
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("shop"));
             Connection c = db.connection();
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'COMPRESS'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualToIgnoringCase("true");
        }
    }
}
