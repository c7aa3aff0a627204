package io.eventscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppendCommandTest {
    @TempDir
    Path dir;
    String store;

    @BeforeEach
    void store() {
        store = dir.resolve("shop").toString();
    }

    private CliRun append(String stream, String data, String... more) {
        List<String> args = new ArrayList<>(List.of("append", "--store", store, "--stream", stream,
                "--type", "OrderCreated", "--data", data));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private List<JsonNode> readAll() {
        CliRun read = CliRun.of("read", "--store", store);
        assertThat(read.exit()).isZero();
        return read.json();
    }

    @Test
    void printsThePositionAndTheStreamVersion() {
        CliRun first = append("order-1", "{\"total\":12.50}");
        CliRun second = append("order-2", "{}");
        CliRun third = append("order-1", "{}");

        assertThat(first.exit()).isZero();
        assertThat(first.out().trim()).isEqualTo("{\"position\":1,\"version\":1}");
        assertThat(second.out().trim()).isEqualTo("{\"position\":2,\"version\":1}");
        assertThat(third.out().trim()).isEqualTo("{\"position\":3,\"version\":2}");
    }

    @Test
    void storesTheEventWithItsMetadata() {
        CliRun run = append("order-7", "{\"total\":12.50}", "--event-id", "e-7", "--correlation-id", "c-1",
                "--causation-id", "cmd-1", "--user", "alice", "--schema-version", "2");

        assertThat(run.exit()).isZero();
        JsonNode stored = readAll().get(0);
        assertThat(stored.get("eventId").asText()).isEqualTo("e-7");
        assertThat(stored.get("eventType").asText()).isEqualTo("OrderCreated");
        assertThat(stored.get("aggregateType").asText()).isEqualTo("order");
        assertThat(stored.get("aggregateId").asText()).isEqualTo("7");
        assertThat(stored.get("schemaVersion").asInt()).isEqualTo(2);
        assertThat(stored.get("data").toString()).isEqualTo("{\"total\":12.50}");
        assertThat(stored.get("metadata").get("userId").asText()).isEqualTo("alice");
        assertThat(stored.get("metadata").get("correlationId").asText()).isEqualTo("c-1");
        assertThat(stored.get("metadata").get("causationId").asText()).isEqualTo("cmd-1");
    }

    @Test
    void malformedJsonExitsTwoNamesWhereAndStoresNothing() {
        append("order-1", "{}");

        CliRun run = append("order-1", "{\"total\": 12,\n \"items\": [1, 2}");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--data is not valid JSON at line 2, column").contains("Unexpected close marker");
        assertThat(run.err()).doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
        assertThat(readAll()).hasSize(1);
    }

    @Test
    void dataThatIsNotAnObjectOrHasTrailingGarbageIsRefused() {
        CliRun array = append("order-1", "[1,2]");
        CliRun trailing = append("order-1", "{} {}");
        CliRun empty = append("order-1", " ");
        CliRun tooDeep = append("order-1", "{\"a\":" + "[".repeat(300) + "]".repeat(300) + "}");

        assertThat(array.exit()).isEqualTo(2);
        assertThat(array.err()).contains("--data must be a JSON object, was array [1,2]");
        assertThat(trailing.exit()).isEqualTo(2);
        assertThat(trailing.err()).contains("--data is not valid JSON at line 1, column");
        assertThat(empty.exit()).isEqualTo(2);
        assertThat(empty.err()).contains("--data is empty");
        assertThat(tooDeep.exit()).isEqualTo(2);
        assertThat(tooDeep.err()).contains("--data is not valid JSON: ").contains("nesting depth");
        assertThat(readAll()).isEmpty();
    }

    @Test
    void versionConflictExitsThreeWithTheConflict() {
        append("order-1", "{}");

        CliRun noStream = append("order-1", "{}", "--expected-version", "no-stream");
        CliRun stale = append("order-1", "{}", "--expected-version", "5");
        CliRun exists = append("order-9", "{}", "--expected-version", "exists");

        assertThat(noStream.exit()).isEqualTo(3);
        assertThat(noStream.err()).contains("Version conflict on stream 'order-1': expected no-stream, actual 1");
        assertThat(stale.exit()).isEqualTo(3);
        assertThat(stale.err()).contains("expected 5, actual 1");
        assertThat(exists.exit()).isEqualTo(3);
        assertThat(exists.err()).contains("expected exists, actual no stream");
        assertThat(readAll()).hasSize(1);
    }

    @Test
    void theRightExpectedVersionAppends() {
        append("order-1", "{}", "--expected-version", "no-stream");

        CliRun run = append("order-1", "{}", "--expected-version", "1");

        assertThat(run.exit()).isZero();
        assertThat(run.out().trim()).isEqualTo("{\"position\":2,\"version\":2}");
    }

    @Test
    void reusingAnEventIdWithOtherContentIsRefusedAndTheSameContentIsANoOp() {
        append("order-1", "{\"a\":1}", "--event-id", "e-1");

        CliRun again = append("order-1", "{\"a\":1}", "--event-id", "e-1");
        CliRun other = append("order-1", "{\"a\":2}", "--event-id", "e-1");

        assertThat(again.exit()).isZero();
        assertThat(again.out().trim()).isEqualTo("{\"position\":1,\"version\":1}");
        assertThat(other.exit()).isEqualTo(2);
        assertThat(other.err()).contains("Event id 'e-1' is already stored with other content");
        assertThat(readAll()).hasSize(1);
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        CliRun version = append("order-1", "{}", "--expected-version", "later");
        CliRun schema = append("order-1", "{}", "--schema-version", "0");
        CliRun notNumber = append("order-1", "{}", "--schema-version", "two");
        CliRun emptyStream = CliRun.of("append", "--store", store, "--stream", " ", "--type", "T", "--data", "{}");
        CliRun emptyType = CliRun.of("append", "--store", store, "--stream", "order-1", "--type", "", "--data", "{}");
        CliRun missingType = CliRun.of("append", "--store", store, "--stream", "order-1", "--data", "{}");

        assertThat(version.exit()).isEqualTo(2);
        assertThat(version.err()).contains("expected version must be any, no-stream, exists or a number, was 'later'");
        assertThat(schema.exit()).isEqualTo(2);
        assertThat(schema.err()).contains("--schema-version must be 1 or more, was 0");
        assertThat(notNumber.exit()).isEqualTo(2);
        assertThat(notNumber.err()).contains("Invalid value for option '--schema-version': 'two' is not an int");
        assertThat(emptyStream.exit()).isEqualTo(2);
        assertThat(emptyStream.err()).contains("--stream must name a stream");
        assertThat(emptyType.exit()).isEqualTo(2);
        assertThat(emptyType.err()).contains("--type must name an event type");
        assertThat(missingType.exit()).isEqualTo(2);
        assertThat(missingType.err()).contains("Missing required option: '--type=T'");
        assertThat(readAll()).isEmpty();
    }
}
