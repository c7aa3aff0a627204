package io.eventscope.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.bridge.ConsumedMessage.Outcome;
import io.eventscope.engine.bus.Backoff;
import io.eventscope.engine.bus.EventBus;
import io.eventscope.engine.bus.InMemoryDeadLetters;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.Metadata;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.upcast.Upcaster;
import io.eventscope.engine.upcast.UpcasterChain;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Against the real broker: consuming onto the event bus instead of into the store, upcast as the bus's readers see events. */
class RabbitOntoBusTest {
    private static final int EVENTS = 20;
    private static final Backoff FAST = new Backoff(2, Duration.ofMillis(5), 2.0, Duration.ofMillis(10));

    @RegisterExtension
    final BrokerRoundTrip trip = new BrokerRoundTrip();

    @Test
    void eventsReachTheBusHandlersOnceAHandlerThatKeepsFailingDeadLettersTheMessageAndNothingIsStored() throws Exception {
        trip.fillSource(EVENTS);
        List<EventEnvelope> log = trip.source().store().read(EventFilter.ALL, 1, EVENTS, Direction.FORWARDS);
        String exchange = trip.names.exchange("onto-bus");
        ConsumerSettings settings = ConsumerSettings.of(exchange, trip.names.queue("onto-bus"), "order.*");
        List<String> audited = new CopyOnWriteArrayList<>();
        try (EventBus bus = new EventBus(trip.target().store(), new InMemoryDeadLetters(), FAST);
             RabbitConsumer consumer = new RabbitConsumer(trip.broker(), settings, new BusDestination(bus, UpcasterChain.EMPTY));
             RabbitPublisher publisher = new RabbitPublisher(trip.broker(), exchange)) {
            bus.subscribe("audit", e -> audited.add(e.eventId() + "@" + e.position()));
            bus.subscribe("mailer", "OrderCreated", e -> {
                throw new IllegalStateException("smtp down");
            });
            consumer.declare();
            publisher.publish(log);

            ConsumeReport first = consumeAll(consumer, EVENTS);
            assertThat(List.of(first.delivered(), first.deadLettered(), first.stored(), first.duplicates()))
                    .as("delivered, dead-lettered, stored, duplicates").containsExactly(16L, 4L, 0L, 0L);
            assertThat(audited).as("every event reached the handler that works, at position 0: not in a log")
                    .containsExactlyElementsOf(log.stream().map(e -> e.eventId() + "@0").toList());
            List<DeadLetter> letters = new DeadLetterQueue(trip.broker(), settings.queue()).list();
            assertThat(letters).extracting(DeadLetter::messageId).containsExactlyInAnyOrder("o0-e1", "o1-e1", "o2-e1", "o3-e1");
            assertThat(letters).allSatisfy(l -> assertThat(l.reason())
                    .contains("handler 'mailer' failed 2 time(s): java.lang.IllegalStateException: smtp down"));

            publisher.publish(log);
            ConsumeReport again = consumeAll(consumer, EVENTS);
            assertThat(List.of(again.duplicates(), again.deadLettered(), again.delivered()))
                    .as("the bus's recent events are recognised; the failing ones fail again").containsExactly(16L, 4L, 0L);
        }
        assertThat(trip.target().store().headPosition()).as("onto the bus, not into the store").isZero();
    }

    @Test
    void theBusHandlersSeeEachEventInItsNewestShapeAndOneTheUpcastersFailOnIsDeadLetteredWithTheirReason()
            throws Exception {
        trip.fillSource(10);
        trip.source().store().append("order-bad", ExpectedVersion.NO_STREAM, List.of(new NewEvent("bad-e1",
                "OrderNoteAdded", "order", "bad", 1, null, Json.parse("{\"note\":42}"), Metadata.EMPTY)));
        List<EventEnvelope> log = trip.source().store().read(EventFilter.ALL, 1, 11, Direction.FORWARDS);
        String exchange = trip.names.exchange("onto-bus-upcast");
        ConsumerSettings settings = ConsumerSettings.of(exchange, trip.names.queue("onto-bus-upcast"), "#");
        List<EventEnvelope> notes = new CopyOnWriteArrayList<>();
        try (EventBus bus = new EventBus(trip.target().store(), new InMemoryDeadLetters(), FAST);
             RabbitConsumer consumer = new RabbitConsumer(trip.broker(), settings,
                     new BusDestination(bus, UpcasterChain.of(new NoteBecomesText())));
             RabbitPublisher publisher = new RabbitPublisher(trip.broker(), exchange)) {
            bus.subscribe("notes", "OrderNoteAdded", notes::add);
            consumer.declare();
            publisher.publish(log);

            ConsumeReport report = consumeAll(consumer, log.size());
            assertThat(List.of(report.delivered(), report.deadLettered())).as("delivered, dead-lettered")
                    .containsExactly(10L, 1L);
            assertThat(notes).hasSize(8).allSatisfy(e -> {
                assertThat(e.schemaVersion()).isEqualTo(2);
                assertThat(e.data().get("text").asText()).isEqualTo("é ✓");
                assertThat(e.data().has("note")).as("moved by the upcaster").isFalse();
            });
            List<DeadLetter> letters = new DeadLetterQueue(trip.broker(), settings.queue()).list();
            assertThat(letters).singleElement().satisfies(l -> {
                assertThat(l.messageId()).isEqualTo("bad-e1");
                assertThat(l.reason()).contains("Upcaster 'OrderNoteAdded v1 -> v2' failed on event 'bad-e1'")
                        .contains("the note is not text");
            });
        }
    }

    /** OrderNoteAdded v1 -> v2: the note moves to 'text'. */
    private static final class NoteBecomesText implements Upcaster {
        @Override
        public String eventType() {
            return "OrderNoteAdded";
        }

        @Override
        public int fromSchemaVersion() {
            return 1;
        }

        @Override
        public JsonNode upcast(JsonNode data) {
            if (!data.path("note").isTextual()) {
                throw new IllegalArgumentException("the note is not text");
            }
            ObjectNode next = ((ObjectNode) data).deepCopy();
            next.set("text", next.remove("note"));
            return next;
        }
    }

    private static ConsumeReport consumeAll(RabbitConsumer consumer, int events) {
        AtomicLong handled = new AtomicLong();
        return consumer.run(Long.MAX_VALUE, Duration.ofSeconds(60), () -> handled.get() >= events, m -> {
            if (m.outcome() != Outcome.RETRYING) {
                handled.incrementAndGet();
            }
        });
    }
}
