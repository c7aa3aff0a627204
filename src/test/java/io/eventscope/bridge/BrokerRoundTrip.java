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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the broker round-trip tests share: the real broker (the test is skipped, or in CI
 * failed, without one), a source and a target H2 file store in a folder of their own, unique
 * broker names removed afterwards, a source log to fill, and the check that two logs match.
 */
final class BrokerRoundTrip implements BeforeEachCallback, AfterEachCallback {
    final TestBroker names = new TestBroker();
    private BrokerAddress broker;
    private Path dir;
    private OpenStore source;
    private OpenStore target;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        broker = TestBroker.required();
        dir = Files.createTempDirectory("eventscope-broker-test-");
        source = Stores.open(dir.resolve("source").toString());
        target = Stores.open(dir.resolve("target").toString());
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (broker == null) {
            return;
        }
        try {
            names.deleteAll(broker);
        } finally {
            source.close();
            target.close();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    BrokerAddress broker() {
        return broker;
    }

    OpenStore source() {
        return source;
    }

    OpenStore target() {
        return target;
    }

    /** Fills the source with {@code events} order events, five per stream, each caused by the one before. */
    void fillSource(int events) {
        EventStore store = source.store();
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

    /** Every event of the source is in the target, once, in the same stream, version and order, with the same content. */
    void assertTargetHoldsTheSourceLog() {
        List<EventEnvelope> want = source.store().read(EventFilter.ALL, 1, Integer.MAX_VALUE, Direction.FORWARDS);
        List<EventEnvelope> got = target.store().read(EventFilter.ALL, 1, Integer.MAX_VALUE, Direction.FORWARDS);
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
