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

/** Against the real broker: the broker closes a bridge's connection mid-stream; it reconnects and loses nothing. */
class RabbitReconnectTest {
    private static final int EVENTS = 10_000;

    @RegisterExtension
    final BrokerRoundTrip trip = new BrokerRoundTrip();

    @Test
    void aConnectionClosedByTheBrokerMidStreamIsReopenedAndEveryEventArrivesOnce() throws Exception {
        trip.fillSource(EVENTS);
        String exchange = trip.names.exchange("reconnect");
        ConsumerSettings settings = ConsumerSettings.of(exchange, trip.names.queue("reconnect"), "#");
        CountDownLatch midway = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        AtomicLong stored = new AtomicLong();
        try (RabbitConsumer consumer = new RabbitConsumer(trip.broker(), settings, trip.target().store());
             RabbitPublisher publisher = new RabbitPublisher(trip.broker(), exchange)) {
            consumer.declare();
            publisher.publishLog(trip.source().store(), new InMemoryPublishCheckpoints(), null, () -> false, p -> { });
            CompletableFuture<ConsumeReport> run = CompletableFuture.supplyAsync(() -> consumer.run(EVENTS,
                    Duration.ofSeconds(120), () -> false, m -> {
                        if (m.outcome() == ConsumedMessage.Outcome.STORED && stored.incrementAndGet() == 2_250) {
                            midway.countDown();
                            await(closed); // mid-batch: the rest of this commit is not yet acknowledged
                        }
                    }));
            assertThat(midway.await(60, TimeUnit.SECONDS)).isTrue();
            TestBroker.closeConnection("eventscope-consumer " + settings.queue());
            closed.countDown();

            ConsumeReport report = run.get(120, TimeUnit.SECONDS);
            assertThat(report.stored()).isEqualTo(EVENTS);
            assertThat(report.duplicates()).as("the batch committed but not acknowledged when the connection went is"
                    + " delivered again, and recognised").isPositive();
        }
        trip.assertTargetHoldsTheSourceLog();
    }

    @Test
    void aPublisherWhoseConnectionIsClosedMidPublishReconnectsSkipsNothingAndCheckpointsTheHead() throws Exception {
        trip.fillSource(EVENTS);
        String exchange = trip.names.exchange("publisher-reconnect");
        ConsumerSettings settings = ConsumerSettings.of(exchange, trip.names.queue("publisher-reconnect"), "#");
        PublishCheckpoints checkpoints = PublishCheckpoints.of(trip.source());
        List<Long> checkpointed = new CopyOnWriteArrayList<>();
        try (RabbitConsumer consumer = new RabbitConsumer(trip.broker(), settings, trip.target().store());
             RabbitPublisher publisher = new RabbitPublisher(trip.broker(), exchange)) {
            consumer.declare();
            // The first checkpoint comes by position 8,000 at the latest (a page past the window of unconfirmed
            // messages), so the connection goes with events still to send.
            PublishReport report = publisher.publishLog(trip.source().store(), checkpoints, null, () -> false, position -> {
                checkpointed.add(position);
                if (checkpointed.size() == 1) {
                    close("eventscope-publisher " + exchange);
                }
            });

            assertThat(report.reconnects()).as("the publisher lost its connection and opened another").isPositive();
            assertThat(checkpointed.get(0)).as("the connection went mid-publish").isLessThan(EVENTS);
            assertThat(checkpointed).as("the checkpoint only moves forward").isSorted();
            assertThat(report.published()).as("confirmed, each counted once").isEqualTo(EVENTS);
            assertThat(report.lastPosition()).isEqualTo(EVENTS);
            assertThat(checkpoints.confirmed(publisher.bridgeName())).isEqualTo(EVENTS);

            ConsumeReport consumed = consumer.run(EVENTS, Duration.ofSeconds(120), () -> false, null);
            ConsumeReport rest = consumer.run(Long.MAX_VALUE, Duration.ofSeconds(3), () -> false, null);
            assertThat(consumed.stored()).isEqualTo(EVENTS);
            assertThat(rest.stored()).as("what went out again after the reconnect is recognised").isZero();
            assertThat(consumed.deadLettered() + rest.deadLettered()).isZero();
        }
        trip.assertTargetHoldsTheSourceLog();
    }

    private static void close(String clientName) {
        try {
            TestBroker.closeConnection(clientName);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
