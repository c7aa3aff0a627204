package io.eventscope.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.store.Stores;
import io.eventscope.engine.store.jdbc.TestPostgres;
import org.junit.jupiter.api.Test;

/** A bridge's checkpoint in a PostgreSQL store's database: kept per bridge, moved, kept across opens. */
class PublishCheckpointsTest {
    @Test
    void onPostgresql() {
        try (TestPostgres server = TestPostgres.create("checkpoints")) {
            checkpointsSurviveReopening(server.url());
        }
    }

    private static void checkpointsSurviveReopening(String store) {
        try (OpenStore opened = Stores.open(store)) {
            PublishCheckpoints checkpoints = PublishCheckpoints.of(opened);
            assertThat(checkpoints.confirmed("amqp://broker/orders")).isZero();
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
