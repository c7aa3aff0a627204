package io.eventscope.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Against the real broker, through a relay that goes down for two seconds mid-stream, as a
 * broker restart does to its clients: publisher and consumer, running together, both lose
 * their connections, are refused while it is down, reconnect, and finish with every event
 * stored once, in order; what each says along the way tells a person what happened.
 */
class RabbitBrokerRestartTest {
    private static final int EVENTS = 10_000;
    private static final Duration DOWN = Duration.ofSeconds(2);

    @RegisterExtension
    final BrokerRoundTrip trip = new BrokerRoundTrip();

    @Test
    void publisherAndConsumerCarryOnThroughABrokerOutageWithNothingLostAndNothingStoredTwice() throws Exception {
        trip.fillSource(EVENTS);
        String exchange = trip.names.exchange("restart");
        ConsumerSettings settings = ConsumerSettings.of(exchange, trip.names.queue("restart"), "#");
        PublishCheckpoints checkpoints = PublishCheckpoints.of(trip.source());
        List<String> notices = new CopyOnWriteArrayList<>();
        CountDownLatch consuming = new CountDownLatch(1);
        AtomicLong checkpointAtOutage = new AtomicLong(-1);
        try (BrokerOutage outage = BrokerOutage.start()) {
            BrokerAddress relayed = BrokerAddress.parse(outage.uri());
            try (RabbitConsumer consumer = new RabbitConsumer(relayed, settings, trip.target().store());
                 RabbitPublisher publisher = new RabbitPublisher(relayed, exchange)) {
                consumer.onConnectionNotice(n -> notices.add("consumer: " + n));
                publisher.onConnectionNotice(n -> notices.add("publisher: " + n));
                consumer.declare();
                CompletableFuture<ConsumeReport> consumed = CompletableFuture.supplyAsync(() -> consumer.run(EVENTS,
                        Duration.ofSeconds(180), () -> false, m -> consuming.countDown()));
                // The first checkpoint comes by position 7,000 at the latest (a page past the window of
                // unconfirmed messages), so the outage begins with events still to send and to consume.
                PublishReport published = publisher.publishLog(trip.source().store(), checkpoints, null, () -> false,
                        position -> {
                            if (checkpointAtOutage.compareAndSet(-1, position)) {
                                begin(outage, consuming);
                            }
                        });
                ConsumeReport first = consumed.get(180, TimeUnit.SECONDS);
                ConsumeReport rest = consumer.run(Long.MAX_VALUE, Duration.ofSeconds(3), () -> false, null);

                assertThat(checkpointAtOutage.get()).as("the outage began mid-publish").isLessThan(EVENTS);
                assertThat(published.reconnects()).as("the publisher lost its connection and opened another").isPositive();
                assertThat(first.reconnects()).as("so did the consumer").isPositive();
                assertThat(List.of(published.published(), published.lastPosition(), checkpoints.confirmed(publisher.bridgeName())))
                        .as("published, each counted once; the last position; the checkpoint").containsOnly((long) EVENTS);
                assertThat(first.stored()).isEqualTo(EVENTS);
                assertThat(rest.stored()).as("what came again after the outage is recognised, not stored").isZero();
                assertThat(first.deadLettered() + rest.deadLettered()).isZero();
                assertThat(first.duplicates() + rest.duplicates())
                        .as("again at most what was unconfirmed at the outage, and what the consumer had unacknowledged")
                        .isLessThanOrEqualTo(EVENTS - checkpointAtOutage.get() + 2L * ConsumerSettings.DEFAULT_BATCH);
            }
            String broker = "amqp://guest@127.0.0.1:" + outage.uri().substring(outage.uri().lastIndexOf(':') + 1);
            for (String side : List.of("publisher", "consumer")) {
                assertThat(notices).as("what the %s said", side)
                        .anyMatch(n -> n.startsWith(side + ": Lost the broker at " + broker + " ("))
                        .anyMatch(n -> n.startsWith(side + ": ") && n.contains("attempt 2 of 12"))
                        .anyMatch(n -> n.startsWith(side + ": Reconnected to " + broker + " (attempt "));
            }
        }
        trip.assertTargetHoldsTheSourceLog();
    }

    /** Once the consumer has had a message: the outage begins now, while the publisher still has events to send. */
    private static void begin(BrokerOutage outage, CountDownLatch consuming) {
        try {
            assertThat(consuming.await(60, TimeUnit.SECONDS)).as("the consumer is consuming").isTrue();
            outage.begin(DOWN);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
