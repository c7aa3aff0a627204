package io.eventscope.engine.store.jdbc;

import io.eventscope.engine.store.EventStoreContract;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.store.Stores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The contract on the real PostgreSQL server: a schema of its own per test, in a database of this class's. */
class PostgresEventStoreTest extends EventStoreContract {
    private static TestPostgres server;

    @BeforeAll
    static void createDatabase() {
        server = TestPostgres.create("contract");
    }

    @AfterAll
    static void dropDatabase() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected OpenStore openEmpty() {
        return Stores.open(server.freshSchemaUrl());
    }
}
