package io.eventscope.engine.store.jdbc;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventscope.engine.store.EventStoreException;
import io.eventscope.engine.store.Stores;
import org.junit.jupiter.api.Test;

/** What a person is told when a PostgreSQL store cannot be opened: the server, the cause, what to do. */
class PostgresOpenErrorsTest {
    @Test
    void aServerThatIsDownIsNamedWithWhatToDo() {
        assertThatThrownBy(() -> Stores.open("jdbc:postgresql://127.0.0.1:1/shop?user=postgres&password=s3cret"))
                .isInstanceOf(EventStoreException.class)
                .hasMessageStartingWith("Cannot reach the PostgreSQL server at 127.0.0.1:1 (")
                .hasMessageEndingWith("Start the server, or check the host and port of the store.")
                .message().doesNotContain("s3cret");
    }

    @Test
    void aRefusedLoginNamesTheServerAndTheUser() {
        TestPostgres.requireServer();
        assertThatThrownBy(() -> Stores.open("jdbc:postgresql://127.0.0.1:5432/postgres?user=nobody_here&password=s3cret"))
                .isInstanceOf(EventStoreException.class)
                .hasMessageStartingWith("The PostgreSQL server at 127.0.0.1:5432 refused the login of user 'nobody_here'")
                .hasMessageEndingWith("Check the user name and password.")
                .message().doesNotContain("s3cret");
    }

    @Test
    void aMissingDatabaseIsNamedWithHowToCreateIt() {
        TestPostgres.requireServer();
        assertThatThrownBy(() -> Stores.open("jdbc:postgresql://127.0.0.1:5432/no_such_db_here?user=postgres"))
                .isInstanceOf(EventStoreException.class)
                .hasMessage("The PostgreSQL server at 127.0.0.1:5432 has no database 'no_such_db_here'. Create it"
                        + " (createdb -h 127.0.0.1 -p 5432 -U postgres no_such_db_here), or name an existing database.");
    }

    @Test
    void anUnknownKindOfJdbcUrlIsRefusedWithTheKindsThereAre() {
        assertThatThrownBy(() -> Stores.open("jdbc:mysql://db/shop?password=s3cret"))
                .isInstanceOf(EventStoreException.class)
                .hasMessage("Cannot open jdbc:mysql://db/shop: a store is an H2 database (jdbc:h2:...) or a PostgreSQL"
                        + " one (jdbc:postgresql://host:port/database).");
    }
}
