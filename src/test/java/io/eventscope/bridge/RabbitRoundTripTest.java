package io.eventscope.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.Metadata;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.store.StreamAppend;
import io.eventscope.engine.store.Stores;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against the real broker: the log out of one H2 file store and into another, nothing lost or doubled. */
class RabbitRoundTripTest {
    static final int EVENTS = 10_000;

    @TempDir
    Path dir;

    private final TestBroker names = new TestBroker();
    private BrokerAddress broker;
    private OpenStore source;
    private OpenStore target;

    @BeforeEach
    void open() {
        broker = TestBroker.required();
        source = Stores.open(dir.resolve("source").toString());
        target = Stores.open(dir.resolve("target").toString());
    }

    @AfterEach
    void close() throws Exception {
        if (broker != null) {
            names.deleteAll(broker);
        }
        if (source != null) {
            source.close();
            target.close();
        }
    }

    @Test
    void tenThousandEventsArriveOnceEvenWhenPublishedTwice() {
        fill(source.store(), EVENTS);
        String exchange = names.exchange("round-trip");
        ConsumerSettings settings = ConsumerSettings.of(exchange, names.queue("round-trip"), "order.*");
        PublishCheckpoints checkpoints = PublishCheckpoints.of(source);
        try (RabbitConsumer consumer = new RabbitConsumer(broker, settings, target.store());
             RabbitPublisher publisher = new RabbitPublisher(broker, exchange)) {
            consumer.declare();
            PublishReport first = publisher.publishLog(source.store(), checkpoints, null, () -> false, p -> { });
            assertThat(first.published()).isEqualTo(EVENTS);
            assertThat(checkpoints.confirmed(publisher.bridgeName())).isEqualTo(EVENTS);

            ConsumeReport consumed = consumer.run(EVENTS, Duration.ofSeconds(90), () -> false, null);
            assertThat(consumed.stored()).isEqualTo(EVENTS);

            PublishReport again = publisher.publishLog(source.store(), checkpoints, 1L, () -> false, p -> { });
            assertThat(again.published()).isEqualTo(EVENTS);
            AtomicLong seen = new AtomicLong();
            ConsumeReport second = consumer.run(Long.MAX_VALUE, Duration.ofSeconds(90), () -> seen.get() >= EVENTS,
                    m -> seen.incrementAndGet());
            assertThat(second.duplicates()).isEqualTo(EVENTS);
            assertThat(second.stored()).isZero();

            assertThat(publisher.publishLog(source.store(), checkpoints, null, () -> false, p -> { }).published())
                    .as("a run without --from-position resumes after the checkpoint: nothing new")
                    .isZero();
        }
        assertSameLog(source.store(), target.store());
    }

    static void fill(EventStore store, int events) {
        List<StreamAppend> batch = new ArrayList<>();
        for (int i = 0; i < events; i += 5) {
            String order = "o" + i / 5;
            List<NewEvent> stream = new ArrayList<>();
            for (int v = 1; v <= 5; v++) {
                stream.add(new NewEvent(order + "-e" + v, v == 1 ? "OrderCreated" : "OrderNoteAdded", "order", order, 1,
                        null, Json.parse("{\"n\":" + (i + v) + ",\"note\":\"é ✓\"}"),
                        new Metadata("u1", "corr-" + order, v == 1 ? "cmd-" + order : order + "-e" + (v - 1), null)));
            }
            batch.add(new StreamAppend("order-" + order, ExpectedVersion.NO_STREAM, stream));
            if (batch.size() == 200) {
                store.appendAll(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            store.appendAll(batch);
        }
    }

    /** Every event of one log is in the other, once, in the same stream, version and order, with the same content. */
    static void assertSameLog(EventStore expected, EventStore actual) {
        List<EventEnvelope> want = expected.read(EventFilter.ALL, 1, Integer.MAX_VALUE, Direction.FORWARDS);
        List<EventEnvelope> got = actual.read(EventFilter.ALL, 1, Integer.MAX_VALUE, Direction.FORWARDS);
        assertThat(got).hasSameSizeAs(want);
        for (int i = 0; i < want.size(); i++) {
            EventEnvelope w = want.get(i);
            EventEnvelope g = got.get(i);
            assertThat(List.of(g.eventId(), g.streamId(), g.version(), g.eventType(), g.data(), g.metadata(), g.timestamp()))
                    .as("event at position %d", i + 1)
                    .isEqualTo(List.of(w.eventId(), w.streamId(), w.version(), w.eventType(), w.data(), w.metadata(), w.timestamp()));
        }
    }
}
