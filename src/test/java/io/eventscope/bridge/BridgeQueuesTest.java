package io.eventscope.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.store.Stores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against the real broker: the queues the consumer creates, and those it finds already there. */
class BridgeQueuesTest {
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
    void aConsumerCreatesItsQueueAndDeadLetterQueueWithTheBridgesArguments() throws Exception {
        ConsumerSettings settings = ConsumerSettings.of(names.exchange("new"), names.queue("new"), "#");
        try (RabbitConsumer consumer = new RabbitConsumer(broker, settings, target.store())) {
            consumer.declare();
        }
        try (Connection c = broker.factory().newConnection("eventscope-test queues")) {
            for (String queue : new String[] {settings.queue(), settings.deadLetterQueue()}) {
                // the broker takes a redeclaration only with the arguments the queue was made with
                c.createChannel().queueDeclare(queue, true, false, false, BridgeQueues.ARGUMENTS);
                assertThatThrownBy(() -> c.createChannel().queueDeclare(queue, true, false, false, null))
                        .as(queue).isInstanceOf(IOException.class).hasStackTraceContaining("inequivalent arg");
            }
        }
    }

    @Test
    void aQueueThatIsThereWithOtherArgumentsIsConsumedAsItIs() throws Exception {
        String exchange = names.exchange("existing");
        String queue = names.queue("existing");
        try (Connection c = broker.factory().newConnection("eventscope-test queues")) {
            Channel ch = c.createChannel();
            // as an earlier Eventscope declared it, and another producer's queue may be
            ch.queueDeclare(queue, true, false, false, Map.of("x-max-length", 1_000_000));
            ch.queueDeclare(DeadLetterQueue.queueFor(queue), true, false, false, null);
            ch.exchangeDeclare(exchange, BuiltinExchangeType.TOPIC, true);
            ch.queueBind(queue, exchange, "#");
            ch.basicPublish(exchange, "order.plain", null,
                    "{\"eventId\":\"plain-1\",\"eventType\":\"Plain\",\"data\":{}}"
                    .getBytes(StandardCharsets.UTF_8));
        }
        try (RabbitConsumer consumer = new RabbitConsumer(broker, ConsumerSettings.of(exchange, queue, "#"),
                target.store());
             DeadLetterQueue letters = new DeadLetterQueue(broker, queue)) {
            assertThat(consumer.run(1, Duration.ofSeconds(30), () -> false, null).stored()).isEqualTo(1);
            assertThat(letters.list()).isEmpty();
        }
    }
}
