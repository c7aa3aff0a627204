package io.eventscope.engine.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.EventStoreException;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.store.Stores;
import io.eventscope.engine.store.Subscription;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store after the server ended its sessions (pg_terminate_backend, as a restart would). */
class PostgresReconnectTest {
    private TestPostgres server;

    @BeforeEach
    void createDatabase() {
        server = TestPostgres.create("reconnect");
    }

    @AfterEach
    void dropDatabase() {
        server.allowConnections(true);
        server.close();
    }

    @Test
    void appendsReadsAndSubscriptionsGoOnAfterTheServerEndedEverySession() throws Exception {
        try (OpenStore opened = Stores.open(server.url())) {
            List<EventEnvelope> seen = new CopyOnWriteArrayList<>();
            try (Subscription s = opened.store().subscribe(1, seen::add)) {
                opened.store().append("order-1", ExpectedVersion.NO_STREAM, List.of(event("e-1")));
                await(() -> seen.size() == 1);
                assertThat(server.terminateSessions()).as("sessions ended").isPositive();

                assertThat(opened.store().append("order-1", ExpectedVersion.exactly(1), List.of(event("e-2"))).version())
                        .isEqualTo(2);
                assertThat(opened.store().readStream("order-1", 1, 10, Direction.FORWARDS))
                        .extracting(EventEnvelope::eventId).containsExactly("e-1", "e-2");
                await(() -> seen.size() == 2);
                assertThat(seen).extracting(EventEnvelope::eventId).containsExactly("e-1", "e-2");
            }
        }
    }

    @Test
    void whileNoConnectionCanBeMadeAnAppendFailsNamingTheServerAndOnceItCanTheNextOneSucceeds() {
        try (OpenStore opened = Stores.open(server.url())) {
            opened.store().append("order-1", ExpectedVersion.NO_STREAM, List.of(event("e-1")));
            server.allowConnections(false);
            server.terminateSessions();

            assertThatThrownBy(() -> opened.store().append("order-1", ExpectedVersion.exactly(1), List.of(event("e-2"))))
                    .isInstanceOf(EventStoreException.class)
                    .hasMessageStartingWith("Lost the connection to postgresql://")
                    .hasMessageContaining("Appending the same events again is safe");

            server.allowConnections(true);
            assertThat(opened.store().append("order-1", ExpectedVersion.exactly(1), List.of(event("e-2"))).position())
                    .isEqualTo(2);
            assertThat(opened.store().count(EventFilter.ALL)).isEqualTo(2);
        }
    }

    private static NewEvent event(String id) {
        return new NewEvent(id, "OrderPlaced", null, null, 1, null, Json.object().put("id", id), null);
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within 20 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
