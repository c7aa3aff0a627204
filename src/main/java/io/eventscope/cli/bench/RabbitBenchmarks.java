package io.eventscope.cli.bench;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.CancelCallback;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DeliverCallback;
import io.eventscope.bridge.BrokerAddress;
import io.eventscope.bridge.ConsumeReport;
import io.eventscope.bridge.ConsumerSettings;
import io.eventscope.bridge.DeadLetterQueue;
import io.eventscope.bridge.EnvelopeMessages;
import io.eventscope.bridge.InMemoryPublishCheckpoints;
import io.eventscope.bridge.RabbitConsumer;
import io.eventscope.bridge.RabbitPublisher;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.store.Stores;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The RabbitMQ bridge against the real broker ({@code EVENTSCOPE_BROKER_URI}, default the
 * local one as guest), skipped with a message when none answers. Baselines, in the same run:
 * the bare client publishing the same messages with the same confirm batches, and consuming
 * and acknowledging them without a store.
 */
public final class RabbitBenchmarks {
    private static final int MAX_EVENTS = 100_000;
    private static final int CONFIRM_BATCH = 1_000;

    private RabbitBenchmarks() {
    }

    public static List<Figure> publishAndConsume(BenchContext ctx) throws Exception {
        BrokerAddress broker = BrokerAddress.parse(System.getenv().getOrDefault("EVENTSCOPE_BROKER_URI",
                "amqp://guest:guest@127.0.0.1:5672"));
        String name = "eventscope-bench-" + UUID.randomUUID().toString().substring(0, 8);
        Connection connection;
        try {
            connection = broker.factory().newConnection("eventscope-bench");
        } catch (Exception e) {
            System.err.println("bench: rabbit-publish and rabbit-consume skipped: no broker answers at " + broker
                    + " (" + e.getMessage() + ")");
            return List.of();
        }
        EventStore store = ctx.store().store();
        List<EventEnvelope> events = store.read(EventFilter.ALL, 1, (int) Math.min(MAX_EVENTS, ctx.events()),
                Direction.FORWARDS);
        try (connection; OpenStore target = Stores.open(ctx.dir().resolve("rabbit-target").toString())) {
            Channel ch = connection.createChannel();
            for (String suffix : List.of("", "-raw")) {
                ch.exchangeDeclare(name + suffix, BuiltinExchangeType.TOPIC, true);
                ch.queueDeclare(name + suffix, true, false, false, null);
                ch.queueBind(name + suffix, name + suffix, "#");
            }
            double rawPublish = rawPublish(ch, name + "-raw", events);
            long t0 = System.nanoTime();
            try (RabbitPublisher publisher = new RabbitPublisher(broker, name)) {
                publisher.publishLog(store, new InMemoryPublishCheckpoints(), 1L, () -> false, p -> { });
            }
            double publish = events.size() / seconds(System.nanoTime() - t0);

            double rawConsume = rawConsume(connection, name + "-raw", events.size());
            ConsumerSettings settings = ConsumerSettings.of(name, name, "#");
            long t1 = System.nanoTime();
            ConsumeReport report;
            try (RabbitConsumer consumer = new RabbitConsumer(broker, settings, target.store())) {
                report = consumer.run(events.size(), Duration.ofMinutes(10), () -> false, null);
            }
            double consume = report.stored() / seconds(System.nanoTime() - t1);
            for (String queue : List.of(name, name + "-raw", DeadLetterQueue.queueFor(name))) {
                ch.queueDelete(queue);
            }
            for (String exchange : List.of(name, name + "-raw", DeadLetterQueue.exchangeFor(name))) {
                ch.exchangeDelete(exchange);
            }
            return List.of(Figure.against("rabbit-publish", publish, rawPublish, "events/s"),
                    Figure.against("rabbit-consume", consume, rawConsume, "events/s"));
        }
    }

    private static double rawPublish(Channel ch, String exchange, List<EventEnvelope> events) throws Exception {
        ch.confirmSelect();
        long t0 = System.nanoTime();
        for (int i = 0; i < events.size(); i++) {
            EventEnvelope e = events.get(i);
            ch.basicPublish(exchange, EnvelopeMessages.routingKey(e), EnvelopeMessages.properties(e), EnvelopeMessages.body(e));
            if ((i + 1) % CONFIRM_BATCH == 0 || i == events.size() - 1) {
                ch.waitForConfirmsOrDie(30_000);
            }
        }
        return events.size() / seconds(System.nanoTime() - t0);
    }

    private static double rawConsume(Connection connection, String queue, int count) throws Exception {
        Channel ch = connection.createChannel();
        ch.basicQos(2 * ConsumerSettings.DEFAULT_BATCH);
        CountDownLatch done = new CountDownLatch(count);
        long t0 = System.nanoTime();
        DeliverCallback ack = (tag, delivery) -> {
            ch.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
            done.countDown();
        };
        CancelCallback cancelled = tag -> { };
        ch.basicConsume(queue, false, ack, cancelled);
        done.await(10, TimeUnit.MINUTES);
        double rate = count / seconds(System.nanoTime() - t0);
        ch.close();
        return rate;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
