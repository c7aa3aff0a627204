package io.eventscope.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.bridge.ConsumedMessage.Outcome;
import io.eventscope.engine.bus.Backoff;
import io.eventscope.engine.bus.EventBus;
import io.eventscope.engine.bus.InMemoryDeadLetters;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Against the real broker: consuming onto the event bus instead of into the store. */
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
             RabbitConsumer consumer = new RabbitConsumer(trip.broker(), settings, new BusDestination(bus));
             RabbitPublisher publisher = new RabbitPublisher(trip.broker(), exchange)) {
            bus.subscribe("audit", e -> audited.add(e.eventId() + "@" + e.position()));
            bus.subscribe("mailer", "OrderCreated", e -> {
                throw new IllegalStateException("smtp down");
            });
            consumer.declare();
            publisher.publish(log);

            ConsumeReport first = consumeAll(consumer);
            assertThat(List.of(first.delivered(), first.deadLettered(), first.stored(), first.duplicates()))
                    .as("delivered, dead-lettered, stored, duplicates").containsExactly(16L, 4L, 0L, 0L);
            assertThat(audited).as("every event reached the handler that works, at position 0: not in a log")
                    .containsExactlyElementsOf(log.stream().map(e -> e.eventId() + "@0").toList());
            List<DeadLetter> letters = new DeadLetterQueue(trip.broker(), settings.queue()).list();
            assertThat(letters).extracting(DeadLetter::messageId).containsExactlyInAnyOrder("o0-e1", "o1-e1", "o2-e1", "o3-e1");
            assertThat(letters).allSatisfy(l -> assertThat(l.reason())
                    .contains("handler 'mailer' failed 2 time(s): java.lang.IllegalStateException: smtp down"));

            publisher.publish(log);
            ConsumeReport again = consumeAll(consumer);
            assertThat(List.of(again.duplicates(), again.deadLettered(), again.delivered()))
                    .as("the bus's recent events are recognised; the failing ones fail again").containsExactly(16L, 4L, 0L);
        }
        assertThat(trip.target().store().headPosition()).as("onto the bus, not into the store").isZero();
    }

    private static ConsumeReport consumeAll(RabbitConsumer consumer) {
        AtomicLong handled = new AtomicLong();
        return consumer.run(Long.MAX_VALUE, Duration.ofSeconds(60), () -> handled.get() >= EVENTS, m -> {
            if (m.outcome() != Outcome.RETRYING) {
                handled.incrementAndGet();
            }
        });
    }
}
