package io.eventscope.engine.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.Metadata;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventStoreException;
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
    void anOversizedEventIsRefusedClearlyAndTheNextAppendIsUnharmed() {
        try (Database db = Database.open("jdbc:h2:mem:big-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
             JdbcEventStore store = new JdbcEventStore(db)) {
            store.append("s-1", ExpectedVersion.ANY, one());
            NewEvent small = NewEvent.of("E", Json.object().put("n", 1), Metadata.EMPTY);
            NewEvent huge = NewEvent.of("E", Json.object().put("text", "x".repeat(1_000_001)), Metadata.EMPTY);
            assertThatThrownBy(() -> store.append("s-2", ExpectedVersion.ANY, List.of(small, huge)))
                    .isInstanceOf(EventStoreException.class)
                    .hasMessageContaining("s-2").hasMessageContaining("1,000,000").hasMessageContaining("Nothing was stored");
            assertThat(store.headPosition()).isEqualTo(1);
            assertThat(store.append("s-2", ExpectedVersion.NO_STREAM, List.of(small)).position()).isEqualTo(2);
            assertThat(store.readStream("s-2", 1, 10, Direction.FORWARDS)).extracting(e -> e.data().get("n").asInt())
                    .containsExactly(1);
        }
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
