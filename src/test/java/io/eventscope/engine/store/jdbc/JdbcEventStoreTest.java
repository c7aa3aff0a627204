package io.eventscope.engine.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.Metadata;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.StoreVerifier;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What only the JDBC store has to get right. */
class JdbcEventStoreTest {

    private static List<NewEvent> one() {
        return List.of(NewEvent.of("E", Json.object(), Metadata.EMPTY));
    }

    @Test
    void twoStoresOnOneDatabaseTakeTurnsWithoutLosingOrReusingPositions() {
        try (Database db = Database.open("jdbc:h2:mem:two-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
             JdbcEventStore a = new JdbcEventStore(db);
             JdbcEventStore b = new JdbcEventStore(db)) {
            assertThat(a.append("s-1", ExpectedVersion.ANY, one()).position()).isEqualTo(1);
            assertThat(b.append("s-1", ExpectedVersion.ANY, one()).position()).isEqualTo(2);
            assertThat(a.append("s-1", ExpectedVersion.exactly(2), one()).position()).isEqualTo(3);
            assertThat(b.append("s-2", ExpectedVersion.NO_STREAM, one()).position()).isEqualTo(4);
            assertThat(a.streamVersion("s-1")).isEqualTo(3);
            assertThat(StoreVerifier.verify(a).sound()).isTrue();
        }
    }
}
