package io.eventscope.cli.bench;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.CancelCallback;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DeliverCallback;
import io.eventscope.bridge.BridgeQueues;
import io.eventscope.bridge.BrokerAddress;
import io.eventscope.bridge.ConsumeReport;
import io.eventscope.bridge.ConsumerSettings;
import io.eventscope.bridge.DeadLetterQueue;
import io.eventscope.bridge.EnvelopeMessages;
import io.eventscope.bridge.InMemoryPublishCheckpoints;
import io.eventscope.bridge.PublishReport;
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
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The RabbitMQ bridge against the real broker ({@code EVENTSCOPE_BROKER_URI}, default the
 * local one as guest), skipped with a message when none answers. Baselines, in the same run:
 * the bare client publishing the same messages with the same number of unconfirmed messages
 * in flight, and consuming and acknowledging them without a store.
 */
public final class RabbitBenchmarks {
    private static final int MAX_EVENTS = 100_000;
    private static final int PUBLISH_ROUNDS = 2;

    private RabbitBenchmarks() {
    }

    /**
     * {@code rabbit-publish}: the store's log to a durable queue through the bridge, with confirms,
     * against the bare client; alternately, {@link #PUBLISH_ROUNDS} times each from empty queues, best
     * of each (the broker's pace moves with the machine's load). The bridge's rate counts what it
     * published: the whole log, where the baseline sends at most {@link #MAX_EVENTS} of it.
     */
    public static List<Figure> publish(BenchContext ctx) throws Exception {
        return onBroker(ctx, "rabbit-publish", (broker, ch, name, events) -> {
            double raw = 0;
            double bridged = 0;
            for (int round = 0; round < PUBLISH_ROUNDS; round++) {
                raw = Math.max(raw, rawPublish(ch, name + "-raw", events));
                ch.queuePurge(name + "-raw");
                long t0 = System.nanoTime();
                PublishReport report;
                try (RabbitPublisher publisher = new RabbitPublisher(broker, name)) {
                    report = publisher.publishLog(ctx.store().store(), new InMemoryPublishCheckpoints(), 1L, () -> false,
                            p -> { });
                }
                bridged = Math.max(bridged, report.published() / seconds(System.nanoTime() - t0));
                ch.queuePurge(name);
            }
            return List.of(Figure.against("rabbit-publish", bridged, raw, "events/s"));
        });
    }

    /** {@code rabbit-consume}: a full queue into the H2 file store through the bridge. */
    public static List<Figure> consume(BenchContext ctx) throws Exception {
        return onBroker(ctx, "rabbit-consume", (broker, ch, name, events) -> {
            rawPublish(ch, name, events);
            rawPublish(ch, name + "-raw", events);
            double raw = rawConsume(ch.getConnection(), name + "-raw", events.size());
            ConsumeReport report;
            long t0 = System.nanoTime();
            try (OpenStore target = Stores.open(ctx.dir().resolve("rabbit-target").toString());
                 RabbitConsumer consumer = new RabbitConsumer(broker, ConsumerSettings.of(name, name, "#"), target.store())) {
                report = consumer.run(events.size(), Duration.ofMinutes(10), () -> false, null);
            }
            double bridged = report.stored() / seconds(System.nanoTime() - t0);
            return List.of(Figure.against("rabbit-consume", bridged, raw, "events/s"));
        });
    }

    private interface Measurement {
        List<Figure> run(BrokerAddress broker, Channel ch, String name, List<EventEnvelope> events) throws Exception;
    }

    /**
     * Two exchanges with a durable queue each (the bridge's, {@code -raw} the baseline's), declared as the
     * bridge's consumer declares its queues ({@link BridgeQueues}), removed afterwards.
     */
    private static List<Figure> onBroker(BenchContext ctx, String step, Measurement measurement) throws Exception {
        BrokerAddress broker = BrokerAddress.parse(System.getenv().getOrDefault("EVENTSCOPE_BROKER_URI",
                "amqp://guest:guest@127.0.0.1:5672"));
        String name = "eventscope-bench-" + UUID.randomUUID().toString().substring(0, 8);
        Connection connection;
        try {
            connection = broker.factory().newConnection("eventscope-bench");
        } catch (Exception e) {
            System.err.println("bench: " + step + " skipped: no broker answers at " + broker + " (" + e.getMessage() + ")");
            return List.of();
        }
        EventStore store = ctx.store().store();
        List<EventEnvelope> events = store.read(EventFilter.ALL, 1, (int) Math.min(MAX_EVENTS, ctx.events()),
                Direction.FORWARDS);
        try (connection) {
            Channel ch = connection.createChannel();
            for (String suffix : List.of("", "-raw")) {
                ch.exchangeDeclare(name + suffix, BuiltinExchangeType.TOPIC, true);
                BridgeQueues.declareWhenAbsent(ch, name + suffix);
                ch.queueBind(name + suffix, name + suffix, "#");
            }
            try {
                return measurement.run(broker, ch, name, events);
            } finally {
                for (String queue : List.of(name, name + "-raw", DeadLetterQueue.queueFor(name))) {
                    ch.queueDelete(queue);
                }
                for (String exchange : List.of(name, name + "-raw", DeadLetterQueue.exchangeFor(name))) {
                    ch.exchangeDelete(exchange);
                }
            }
        }
    }

    /** The bare client's way of streaming with confirms: a bounded map of unconfirmed sequence numbers. */
    private static double rawPublish(Channel ch, String exchange, List<EventEnvelope> events) throws Exception {
        ch.confirmSelect();
        ConcurrentNavigableMap<Long, Boolean> outstanding = new ConcurrentSkipListMap<>();
        Semaphore room = new Semaphore(RabbitPublisher.WINDOW);
        ch.addConfirmListener((tag, multiple) -> confirmed(outstanding, room, tag, multiple),
                (tag, multiple) -> {
                    throw new IllegalStateException("the broker nacked message " + tag);
                });
        long t0 = System.nanoTime();
        for (EventEnvelope e : events) {
            room.acquire();
            outstanding.put(ch.getNextPublishSeqNo(), Boolean.TRUE);
            ch.basicPublish(exchange, EnvelopeMessages.routingKey(e), EnvelopeMessages.properties(e), EnvelopeMessages.body(e));
        }
        ch.waitForConfirmsOrDie(60_000);
        double rate = events.size() / seconds(System.nanoTime() - t0);
        ch.clearConfirmListeners();
        return rate;
    }

    private static void confirmed(ConcurrentNavigableMap<Long, Boolean> outstanding, Semaphore room, long tag,
                                  boolean multiple) {
        if (multiple) {
            ConcurrentNavigableMap<Long, Boolean> done = outstanding.headMap(tag, true);
            int n = done.size();
            done.clear();
            room.release(n);
        } else if (outstanding.remove(tag) != null) {
            room.release();
        }
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
