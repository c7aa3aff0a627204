package io.eventscope.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Against the real broker: the log out of one H2 file store and into another, nothing lost or doubled. */
class RabbitRoundTripTest {
    private static final int EVENTS = 10_000;

    @RegisterExtension
    final BrokerRoundTrip trip = new BrokerRoundTrip();

    @Test
    void tenThousandEventsArriveOnceEvenWhenPublishedTwice() {
        trip.fillSource(EVENTS);
        String exchange = trip.names.exchange("round-trip");
        ConsumerSettings settings = ConsumerSettings.of(exchange, trip.names.queue("round-trip"), "order.*");
        PublishCheckpoints checkpoints = PublishCheckpoints.of(trip.source());
        try (RabbitConsumer consumer = new RabbitConsumer(trip.broker(), settings, trip.target().store());
             RabbitPublisher publisher = new RabbitPublisher(trip.broker(), exchange)) {
            consumer.declare();
            PublishReport first = publisher.publishLog(trip.source().store(), checkpoints, null, () -> false, p -> { });
            assertThat(first.published()).isEqualTo(EVENTS);
            assertThat(checkpoints.confirmed(publisher.bridgeName())).isEqualTo(EVENTS);

            ConsumeReport consumed = consumer.run(EVENTS, Duration.ofSeconds(90), () -> false, null);
            assertThat(consumed.stored()).isEqualTo(EVENTS);

            PublishReport again = publisher.publishLog(trip.source().store(), checkpoints, 1L, () -> false, p -> { });
            assertThat(again.published()).isEqualTo(EVENTS);
            AtomicLong seen = new AtomicLong();
            ConsumeReport second = consumer.run(Long.MAX_VALUE, Duration.ofSeconds(90), () -> seen.get() >= EVENTS,
                    m -> seen.incrementAndGet());
            assertThat(second.duplicates()).isEqualTo(EVENTS);
            assertThat(second.stored()).isZero();

            assertThat(publisher.publishLog(trip.source().store(), checkpoints, null, () -> false, p -> { }).published())
                    .as("a run without --from-position resumes after the checkpoint: nothing new")
                    .isZero();
        }
        trip.assertTargetHoldsTheSourceLog();
    }
}
