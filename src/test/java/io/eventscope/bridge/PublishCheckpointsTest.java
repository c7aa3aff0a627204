package io.eventscope.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.Metadata;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.store.Stores;
import io.eventscope.engine.store.jdbc.TestPostgres;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bridge's checkpoint in the store's database (an H2 file, PostgreSQL): kept per bridge, moved, kept across opens. */
class PublishCheckpointsTest {
    @Test
    void inAnH2File(@TempDir Path dir) {
        checkpointsSurviveReopening(dir.resolve("store").toString());
    }

    @Test
    void onPostgresql() {
        try (TestPostgres server = TestPostgres.create("checkpoints")) {
            checkpointsSurviveReopening(server.url());
        }
    }

    private static void checkpointsSurviveReopening(String store) {
        try (OpenStore opened = Stores.open(store)) {
            opened.store().append("order-o1", ExpectedVersion.NO_STREAM, List.of(new NewEvent("e1", "OrderCreated",
                    "order", "o1", 1, null, Json.parse("{}"), Metadata.EMPTY)));
            assertThat(opened.store().readRaw(EventFilter.ALL, 1, 10)).hasSize(1);
            PublishCheckpoints checkpoints = PublishCheckpoints.of(opened);
            assertThat(checkpoints.confirmed("amqp://broker/orders")).as("a read before the writes").isZero();
            checkpoints.confirm("amqp://broker/orders", 7);
            checkpoints.confirm("amqp://broker/orders", 12);
            checkpoints.confirm("amqp://broker/audit", 3);
        }
        try (OpenStore opened = Stores.open(store)) {
            PublishCheckpoints checkpoints = PublishCheckpoints.of(opened);
            assertThat(checkpoints.confirmed("amqp://broker/orders")).isEqualTo(12);
            assertThat(checkpoints.confirmed("amqp://broker/audit")).isEqualTo(3);
        }
    }
}
