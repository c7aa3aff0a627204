package io.eventscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.engine.event.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpcastCommandTest {
    @TempDir
    Path dir;
    String store;

    @BeforeEach
    void fill() {
        store = dir.resolve("shop").toString();
        append("order-o1", "OrderCreated", "1", "{\"orderId\":\"o1\",\"userId\":\"alice\",\"items\":[],\"total\":9.90}");
        append("payment-p1", "PaymentProcessed", "1", "{\"paymentId\":\"p1\",\"orderId\":\"o1\",\"total\":9.90}");
        append("order-o2", "OrderCreated", "1", "{\"orderId\":\"o2\",\"items\":[],\"total\":1}");
    }

    private void append(String stream, String type, String schemaVersion, String data) {
        CliRun run = CliRun.of("append", "--store", store, "--stream", stream, "--type", type,
                "--schema-version", schemaVersion, "--data", data);
        assertThat(run.exit()).as(run.err()).isZero();
    }

    @Test
    void theDryRunReportsCountsChangesAndFailuresAsJson() {
        CliRun run = CliRun.of("upcast", "--store", store, "--dry-run");

        assertThat(run.exit()).as("an upcaster failed on o2, which has no userId").isEqualTo(Cli.FINDING);
        JsonNode report = Json.parse(run.out());
        assertThat(report.get("scanned").asLong()).isEqualTo(3);
        assertThat(report.get("changed").asLong()).isEqualTo(2);
        assertThat(report.get("stored").get("OrderCreated").get("1").asLong()).isEqualTo(2);
        assertThat(report.get("upcasted").get("PaymentCaptured").get("2").asLong()).isEqualTo(1);
        assertThat(report.get("failures").get(0).get("position").asLong()).isEqualTo(3);
        assertThat(report.get("failures").get(0).get("message").asText()).contains("userId");
    }

    @Test
    void tracesOneEventStepByStep() {
        CliRun run = CliRun.of("upcast", "--store", store, "--position", "1");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode trace = Json.parse(run.out());
        assertThat(trace.get("stored").get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(trace.get("steps")).hasSize(2);
        assertThat(trace.get("steps").get(0).get("upcaster").asText()).isEqualTo("OrderCreated v1 -> v2");
        assertThat(trace.get("upcasted").get("schemaVersion").asInt()).isEqualTo(3);
        assertThat(trace.get("upcasted").get("data").get("amount").decimalValue()).isEqualByComparingTo("9.90");

        CliRun broken = CliRun.of("upcast", "--store", store, "--position", "3");
        assertThat(broken.exit()).isEqualTo(Cli.FINDING);
        assertThat(broken.err()).contains("position 3").contains("OrderCreated v1 -> v2");
        assertThat(CliRun.of("upcast", "--store", store, "--position", "9").exit()).isEqualTo(Cli.USAGE);
        assertThat(CliRun.of("upcast", "--store", store).exit()).isEqualTo(Cli.USAGE);
    }
}
