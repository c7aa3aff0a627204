package io.eventscope.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.eventscope.bridge.ConsumedMessage.Outcome;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.Metadata;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.store.Stores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against the real broker: messages that fail go to the dead-letter queue, bounded, and can come back. */
class RabbitDeadLetterTest {
    @TempDir
    Path dir;

    private final TestBroker names = new TestBroker();
    private BrokerAddress broker;
    private OpenStore target;

    @BeforeEach
    void open() {
        broker = TestBroker.required();
        target = Stores.open(dir.resolve("target").toString());
    }

    @AfterEach
    void close() throws Exception {
        if (broker != null) {
            names.deleteAll(broker);
            target.close();
        }
    }

    @Test
    void aPoisonMessageIsTriedBoundedTimesThenDeadLetteredAndTheConsumerCarriesOn() throws Exception {
        String exchange = names.exchange("poison");
        ConsumerSettings settings = new ConsumerSettings(exchange, names.queue("poison"), "order.*", 3, 100);
        List<ConsumedMessage> seen = new CopyOnWriteArrayList<>();
        try (RabbitConsumer consumer = new RabbitConsumer(broker, settings, target.store());
             Connection c = broker.factory().newConnection("eventscope-test producer");
             Channel ch = c.createChannel()) {
            consumer.declare();
            // z-5 cannot land in a stream that has no z-1 to z-4: refused by the store every time
            publish(ch, exchange, event("z-5", "order-z", 5));
            ch.basicPublish(exchange, "order.junk", null, "not json".getBytes(StandardCharsets.UTF_8));
            publish(ch, exchange, event("y-1", "order-y", 1));

            ConsumeReport report = consumer.run(Long.MAX_VALUE, Duration.ofSeconds(60),
                    () -> count(seen, Outcome.STORED) == 1 && count(seen, Outcome.DEAD_LETTERED) == 2, seen::add);

            assertThat(report.stored()).isEqualTo(1);
            assertThat(report.deadLettered()).isEqualTo(2);
            assertThat(seen).filteredOn(m -> "z-5".equals(m.eventId())).extracting(ConsumedMessage::outcome)
                    .containsExactly(Outcome.RETRYING, Outcome.RETRYING, Outcome.DEAD_LETTERED);
            assertThat(ids()).as("the message after the poison is stored").containsExactly("y-1");

            DeadLetterQueue letters = new DeadLetterQueue(broker, settings.queue());
            List<DeadLetter> parked = letters.list();
            assertThat(parked).extracting(DeadLetter::messageId).containsExactlyInAnyOrder("z-5", null);
            DeadLetter poison = parked.stream().filter(l -> "z-5".equals(l.messageId())).findFirst().orElseThrow();
            assertThat(poison.attempts()).isEqualTo(3);
            assertThat(poison.reason()).contains("order-z");
            assertThat(poison.exchange()).isEqualTo(exchange);
            assertThat(poison.routingKey()).isEqualTo("order.ordernoted");
            DeadLetter junk = parked.stream().filter(l -> l.messageId() == null).findFirst().orElseThrow();
            assertThat(junk.attempts()).as("no retry can map it").isEqualTo(1);
            assertThat(junk.reason()).startsWith("the body is not JSON");
            assertThat(junk.body()).isEqualTo("not json");
            assertThat(letters.list()).as("listing takes nothing away").hasSize(2);

            for (int v = 1; v <= 4; v++) {
                publish(ch, exchange, event("z-" + v, "order-z", v));
            }
            assertThat(consumer.run(4, Duration.ofSeconds(60), () -> false, null).stored()).isEqualTo(4);
            assertThat(letters.retry(poison.id())).isTrue();
            assertThat(letters.discard(junk.id())).isTrue();
            assertThat(letters.discard(junk.id())).isFalse();
            assertThat(letters.list()).isEmpty();

            ConsumeReport again = consumer.run(1, Duration.ofSeconds(60), () -> false, null);
            assertThat(again.stored()).isEqualTo(1);
            assertThat(ids()).containsExactly("y-1", "z-1", "z-2", "z-3", "z-4", "z-5");
            letters.close();
        }
    }

    private List<String> ids() {
        return target.store().read(EventFilter.ALL, 1, 100, Direction.FORWARDS).stream().map(EventEnvelope::eventId).toList();
    }

    private static long count(List<ConsumedMessage> seen, Outcome outcome) {
        return seen.stream().filter(m -> m.outcome() == outcome).count();
    }

    private static EventEnvelope event(String id, String stream, long version) {
        return new EventEnvelope(id, "OrderNoted", "order", stream.substring("order-".length()), stream, version, 1, version,
                Instant.parse("2026-11-20T09:15:02Z"), Json.parse("{\"v\":" + version + "}"), Metadata.of("u", "c", null));
    }

    private static void publish(Channel ch, String exchange, EventEnvelope e) throws Exception {
        ch.basicPublish(exchange, EnvelopeMessages.routingKey(e), EnvelopeMessages.properties(e), EnvelopeMessages.body(e));
    }
}
