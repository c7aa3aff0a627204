package io.eventscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.engine.event.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatsCommandTest {
    @TempDir
    Path dir;

    @Test
    void countsEventsStreamsAndTypes() {
        String store = dir.resolve("shop").toString();
        CliRun.of("generate", "--store", store, "--streams", "5", "--events-per-stream", "3");
        CliRun.of("append", "--store", store, "--stream", "order-x", "--type", "OrderCreated", "--data", "{}");

        CliRun run = CliRun.of("stats", "--store", store);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.lines()).hasSize(1);
        JsonNode stats = Json.parse(run.out());
        assertThat(stats.get("events").asLong()).isEqualTo(16);
        assertThat(stats.get("streams").asLong()).isEqualTo(6);
        assertThat(stats.get("headPosition").asLong()).isEqualTo(16);
        assertThat(stats.get("eventTypes").toString()).isEqualTo(
                "{\"OrderCreated\":1,\"OrderOpened\":2,\"OrderPlaced\":2,\"OrderSettled\":2,"
                        + "\"PaymentAuthorized\":1,\"PaymentRequested\":1,\"PaymentSettled\":1,"
                        + "\"ShipmentCreated\":1,\"ShipmentDelivered\":1,\"ShipmentDispatched\":1,"
                        + "\"StockAllocated\":1,\"StockCommitted\":1,\"StockPicked\":1}");
        assertThat(stats.get("aggregateTypes").toString())
                .isEqualTo("{\"order\":1,\"synth.inventory\":3,\"synth.order\":6,\"synth.payment\":3,\"synth.shipping\":3}");
        assertThat(stats.get("firstEventAt").asText()).isLessThanOrEqualTo(stats.get("lastEventAt").asText());
    }

    @Test
    void anEmptyStoreHasZeroes() {
        CliRun run = CliRun.of("stats", "--store", dir.resolve("empty").toString());

        JsonNode stats = Json.parse(run.out());
        assertThat(run.exit()).isZero();
        assertThat(stats.get("events").asLong()).isZero();
        assertThat(stats.get("streams").asLong()).isZero();
        assertThat(stats.get("headPosition").asLong()).isZero();
        assertThat(stats.get("firstEventAt").isNull()).isTrue();
        assertThat(stats.get("eventTypes").isEmpty()).isTrue();
    }
}
