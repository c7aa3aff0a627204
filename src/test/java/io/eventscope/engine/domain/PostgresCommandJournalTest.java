package io.eventscope.engine.domain;

import io.eventscope.engine.store.jdbc.Database;
import io.eventscope.engine.store.jdbc.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The journal contract on the real PostgreSQL server, a schema of its own per test. */
class PostgresCommandJournalTest extends CommandJournalContract {
    private static TestPostgres server;
    private Database db;
    private CommandJournal journal;

    @BeforeAll
    static void createDatabase() {
        server = TestPostgres.create("journal");
    }

    @AfterAll
    static void dropDatabase() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void open() {
        db = Database.open(server.freshSchemaUrl());
        journal = new JdbcCommandJournal(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Override
    protected CommandJournal journal() {
        return journal;
    }
}
