package io.eventscope.engine.bus;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.Metadata;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.store.Stores;
import io.eventscope.engine.store.jdbc.TestPostgres;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Dead letters live in the PostgreSQL store beside its events, and outlive the process that parked them. */
class PostgresDeadLettersTest {
    private TestPostgres server;

    @BeforeEach
    void createDatabase() {
        server = TestPostgres.create("letters");
    }

    @AfterEach
    void dropDatabase() {
        server.close();
    }

    @Test
    void aParkedLetterIsListedWithItsEventUpdatedAndRemovedFromAnotherConnection() {
        Instant parkedAt = Instant.parse("2026-12-01T10:00:00.123456Z");
        long id;
        try (OpenStore open = Stores.open(server.url())) {
            open.store().append("order-1", ExpectedVersion.NO_STREAM,
                    List.of(NewEvent.of("OrderCreated", Json.parse("{\"n\":1}"), Metadata.EMPTY)));
            EventEnvelope event = open.store().read(EventFilter.ALL, 1, 1, Direction.FORWARDS).get(0);
            id = new JdbcDeadLetters(open.database(), open.store())
                    .park(new DeadLetter(0, "mailer", event, "smtp down", 4, parkedAt));
        }
        try (OpenStore open = Stores.open(server.url())) {
            JdbcDeadLetters letters = new JdbcDeadLetters(open.database(), open.store());
            DeadLetter letter = letters.find(id).orElseThrow();
            assertThat(letter.handlerName()).isEqualTo("mailer");
            assertThat(letter.event().eventType()).isEqualTo("OrderCreated");
            assertThat(letter.error()).isEqualTo("smtp down");
            assertThat(letter.parkedAt()).isEqualTo(parkedAt.truncatedTo(ChronoUnit.MICROS));

            letters.failedAgain(id, "smtp still down", 5);
            assertThat(letters.list()).singleElement().satisfies(l -> {
                assertThat(l.attempts()).isEqualTo(5);
                assertThat(l.error()).isEqualTo("smtp still down");
            });
            assertThat(letters.remove(id)).isTrue();
            assertThat(letters.list()).isEmpty();
        }
    }
}
