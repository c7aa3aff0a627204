package io.eventscope.engine.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.store.ConcurrencyConflictException;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.InMemoryEventStore;
import io.eventscope.engine.store.StreamAppend;
import io.eventscope.engine.store.jdbc.Database;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventBusTest {
    private static final Backoff FAST = new Backoff(3, Duration.ofMillis(5), 2.0, Duration.ofMillis(20));

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final Database db = Database.open("jdbc:h2:mem:bus-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    private final EventBus bus = new EventBus(store, new JdbcDeadLetters(db, store), FAST);

    @AfterEach
    void close() {
        bus.close();
        db.close();
    }

    private void append(String stream, String type) {
        store.append(stream, ExpectedVersion.ANY, List.of(NewEvent.of(type, Json.parse("{\"n\":1}"), null)));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(5);
        }
    }

    @Test
    void aThrowingHandlerIsRetriedThenParkedWhileOthersStillReceiveTheEvent() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        AtomicInteger attempts = new AtomicInteger();
        bus.subscribe("mailer", e -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("smtp down");
        });
        bus.subscribe("audit", e -> received.add(e.eventType()));
        bus.start();

        append("order-1", "OrderCreated");
        append("order-1", "OrderPaid");

        await(() -> received.size() == 2 && bus.deadLetters().size() == 2);
        assertThat(received).containsExactly("OrderCreated", "OrderPaid");
        assertThat(attempts.get()).isEqualTo(6);
        DeadLetter letter = bus.deadLetters().get(0);
        assertThat(letter.handlerName()).isEqualTo("mailer");
        assertThat(letter.event().eventType()).isEqualTo("OrderCreated");
        assertThat(letter.event().position()).isEqualTo(1);
        assertThat(letter.attempts()).isEqualTo(3);
        assertThat(letter.errorSummary()).isEqualTo("java.lang.IllegalStateException: smtp down");
        assertThat(letter.error()).contains("EventBusTest");
    }

    @Test
    void anEventHandedOverByABridgeReachesItsHandlersAndAFailureGoesBackToTheBridgeNotToTheDeadLetters() {
        List<String> audited = new CopyOnWriteArrayList<>();
        AtomicInteger mailed = new AtomicInteger();
        bus.subscribe("audit", e -> audited.add(e.eventId() + "@" + e.position()));
        bus.subscribe("mailer", "OrderPaid", e -> {
            mailed.incrementAndGet();
            throw new IllegalStateException("smtp down");
        });

        bus.deliver(foreign("x-1", "OrderCreated")).join();
        assertThat(audited).as("done when every handler has it").containsExactly("x-1@0");

        assertThatThrownBy(() -> bus.deliver(foreign("x-2", "OrderPaid")).join())
                .hasCauseInstanceOf(HandlerFailedException.class)
                .hasMessageContaining("handler 'mailer' failed 3 time(s): java.lang.IllegalStateException: smtp down");
        assertThat(mailed.get()).as("retried as a stored event is").isEqualTo(3);
        assertThat(audited).containsExactly("x-1@0", "x-2@0");
        assertThat(bus.deadLetters()).as("not in the store, so not parked here").isEmpty();
        assertThat(store.headPosition()).isZero();
    }

    private static EventEnvelope foreign(String id, String type) {
        return new EventEnvelope(id, type, "order", "o1", "order-o1", 0, 1, 0, java.time.Instant.now(),
                Json.parse("{}"), null);
    }

    @Test
    void retryingADeadLetterDeliversItAndRemovesIt() throws Exception {
        AtomicBoolean smtpUp = new AtomicBoolean();
        List<EventEnvelope> sent = new CopyOnWriteArrayList<>();
        bus.subscribe("mailer", e -> {
            if (!smtpUp.get()) {
                throw new IllegalStateException("smtp down");
            }
            sent.add(e);
        });
        bus.start();
        append("order-1", "OrderCreated");
        await(() -> bus.deadLetters().size() == 1);
        long id = bus.deadLetters().get(0).id();

        assertThat(bus.retry(id)).isFalse();
        assertThat(bus.deadLetters().get(0).attempts()).isEqualTo(4);

        smtpUp.set(true);
        assertThat(bus.retry(id)).isTrue();
        assertThat(sent).extracting(EventEnvelope::eventType).containsExactly("OrderCreated");
        assertThat(bus.deadLetters()).isEmpty();
    }

    @Test
    void discardingADeadLetterDropsIt() throws Exception {
        bus.subscribe("broken", e -> {
            throw new UnsupportedOperationException("never works");
        });
        bus.start();
        append("order-1", "OrderCreated");
        await(() -> bus.deadLetters().size() == 1);

        assertThat(bus.discard(bus.deadLetters().get(0).id())).isTrue();
        assertThat(bus.deadLetters()).isEmpty();
        assertThatThrownBy(() -> bus.retry(42)).hasMessage("no dead letter 42");
    }

    @Test
    void aTypeSubscriptionReceivesOnlyThatType() throws Exception {
        List<String> paid = new CopyOnWriteArrayList<>();
        List<Long> all = new CopyOnWriteArrayList<>();
        bus.subscribe("payments", "OrderPaid", e -> paid.add(e.streamId()));
        bus.subscribe("everything", e -> all.add(e.position()));
        bus.start();

        append("order-1", "OrderCreated");
        append("order-1", "OrderPaid");
        append("order-2", "OrderCreated");
        append("order-2", "OrderPaid");

        await(() -> all.size() == 4 && paid.size() == 2);
        assertThat(paid).containsExactly("order-1", "order-2");
        assertThat(all).containsExactly(1L, 2L, 3L, 4L);
        assertThat(bus.deadLetters()).isEmpty();
    }

    @Test
    void aHandlerIsToldOnlyOfCommittedEvents() throws Exception {
        List<String> delivered = new CopyOnWriteArrayList<>();
        List<String> notYetStored = new CopyOnWriteArrayList<>();
        bus.subscribe("everything", e -> {
            delivered.add(e.eventId());
            List<EventEnvelope> stored = store.readStream(e.streamId(), e.version(), 1, Direction.FORWARDS);
            if (stored.isEmpty() || !stored.get(0).eventId().equals(e.eventId())) {
                notYetStored.add(e.eventId());
            }
        });
        bus.start();

        NewEvent created = NewEvent.of("OrderCreated", Json.parse("{\"n\":1}"), null);
        NewEvent paid = NewEvent.of("OrderPaid", Json.parse("{\"n\":2}"), null);
        // The second append conflicts, so the first is rolled back with it: nothing was committed.
        assertThatThrownBy(() -> store.appendAll(List.of(
                new StreamAppend("order-1", ExpectedVersion.ANY, List.of(created, paid)),
                new StreamAppend("order-2", ExpectedVersion.exactly(3),
                        List.of(NewEvent.of("OrderCreated", Json.parse("{}"), null))))))
                .isInstanceOf(ConcurrencyConflictException.class);
        NewEvent committed = NewEvent.of("OrderCreated", Json.parse("{\"n\":3}"), null);
        store.append("order-3", ExpectedVersion.ANY, List.of(committed));

        await(() -> !delivered.isEmpty());
        // Delivery is in position order, so a rolled-back event would have come first.
        assertThat(delivered).containsExactly(committed.eventId());
        assertThat(notYetStored).isEmpty();
    }


    @Test
    void handlerNamesAreUnique() {
        bus.subscribe("audit", e -> { });
        assertThatThrownBy(() -> bus.subscribe("audit", e -> { }))
                .hasMessage("a handler named 'audit' is already subscribed");
    }

    @Test
    void closingTheBusParksWhatItCouldNotDeliver() throws Exception {
        AtomicInteger started = new AtomicInteger();
        EventBus slowBus = new EventBus(store, new InMemoryDeadLetters(),
                new Backoff(3, Duration.ofSeconds(30), 1.0, Duration.ofSeconds(30)));
        slowBus.subscribe("slow", e -> {
            started.incrementAndGet();
            throw new IllegalStateException("down");
        });
        // The bus follows the store on a thread of its own: once a later event reaches another handler, the
        // bus has published OrderPaid, which 'slow' then holds queued behind the retry of OrderCreated.
        AtomicInteger markers = new AtomicInteger();
        slowBus.subscribe("marker-watch", "Marker", e -> markers.incrementAndGet());
        slowBus.start();
        append("order-1", "OrderCreated");
        append("order-1", "OrderPaid");
        await(() -> started.get() == 1);
        append("marker-1", "Marker");
        await(() -> markers.get() == 1);

        slowBus.close();

        List<DeadLetter> parked = slowBus.deadLetters().stream().filter(l -> !l.event().eventType().equals("Marker"))
                .toList();
        assertThat(parked).extracting(l -> l.event().eventType()).containsExactlyInAnyOrder("OrderCreated", "OrderPaid");
        assertThat(parked).extracting(DeadLetter::attempts).containsExactlyInAnyOrder(1, 0);
    }
}
