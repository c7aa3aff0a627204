package io.eventscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.store.Stores;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command, state and history commands on an H2 file store, the way a person runs them. */
class DomainCommandsTest {
    private static final String ORDER = "{\"orderId\":\"o1\",\"userId\":\"u1\","
            + "\"items\":[{\"sku\":\"lamp\",\"quantity\":2,\"unitPrice\":12.50}]}";

    @TempDir
    Path dir;
    String store;

    @BeforeEach
    void store() {
        store = dir.resolve("shop").toString();
    }

    private CliRun command(String type, String json, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("command", "--store", store, "--type", type, "--json", json));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void stateHelpExplainsItsVersionOption() {
        CliRun run = CliRun.of("state", "--help");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("--version=N").contains("--stream=ID");
    }

    @Test
    void anAcceptedCommandPrintsItsEventsAndExitsZero() {
        CliRun run = command("CreateOrder", ORDER, "--user", "alice", "--correlation-id", "c-1");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode printed = Json.parse(run.out());
        assertThat(printed.get("accepted").asBoolean()).isTrue();
        assertThat(printed.get("streamId").asText()).isEqualTo("order-o1");
        JsonNode event = printed.get("events").get(0);
        assertThat(event.get("eventType").asText()).isEqualTo("OrderCreated");
        assertThat(event.get("position").asLong()).isEqualTo(1);
        assertThat(event.get("data").get("amount").toString()).isEqualTo("25.00");
        assertThat(event.get("metadata").get("causationId").asText()).isEqualTo(printed.get("commandId").asText());
        assertThat(event.get("metadata").get("correlationId").asText()).isEqualTo("c-1");
        assertThat(event.get("metadata").get("userId").asText()).isEqualTo("alice");
    }

    @Test
    void aRejectedCommandPrintsTheReasonAndExitsOne() {
        command("CreateOrder", ORDER);

        CliRun wrongAmount = command("PayOrder", "{\"orderId\":\"o1\",\"amount\":20}");
        CliRun noItems = command("CreateOrder", "{\"userId\":\"u1\",\"items\":[]}");

        assertThat(wrongAmount.exit()).isEqualTo(1);
        JsonNode printed = Json.parse(wrongAmount.out());
        assertThat(printed.get("accepted").asBoolean()).isFalse();
        assertThat(printed.get("reason").asText()).contains("25.00").contains("20");
        assertThat(noItems.exit()).isEqualTo(1);
        assertThat(Json.parse(noItems.out()).get("reason").asText()).isEqualTo("items: an order needs at least one item");
    }

    @Test
    void malformedJsonIsAUsageErrorThatStoresNothing() {
        CliRun run = command("CreateOrder", "{\"userId\": }");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--json is not valid JSON at line 1, column 12");
        assertThat(CliRun.of("state", "--store", store, "--stream", "order-o1").err()).contains("no stream 'order-o1'");
    }

    @Test
    void stateShowsTheStreamAtTheLastOrAGivenVersion() {
        command("CreateOrder", ORDER);
        command("PayOrder", "{\"orderId\":\"o1\",\"amount\":25.00}");

        JsonNode now = Json.parse(CliRun.of("state", "--store", store, "--stream", "order-o1").out());
        JsonNode before = Json.parse(CliRun.of("state", "--store", store, "--stream", "order-o1", "--version", "1").out());
        CliRun outside = CliRun.of("state", "--store", store, "--stream", "order-o1", "--version", "9");

        assertThat(now.get("version").asLong()).isEqualTo(2);
        assertThat(now.get("foldedBy").asText()).isEqualTo("order");
        assertThat(now.get("state").get("status").asText()).isEqualTo("PAID");
        assertThat(now.get("state").get("paidAmount").toString()).isEqualTo("25.00");
        assertThat(before.get("state").get("status").asText()).isEqualTo("PENDING");
        assertThat(outside.exit()).isEqualTo(2);
        assertThat(outside.err()).contains("version 9 is outside stream 'order-o1', which has versions 0 to 2");
    }

    @Test
    void historyPrintsOneLinePerVersionWithItsChanges() {
        command("CreateOrder", ORDER);
        command("PayOrder", "{\"orderId\":\"o1\",\"amount\":25.00}");
        command("ShipOrder", "{\"orderId\":\"o1\",\"trackingNumber\":\"TN-1\"}");

        CliRun run = CliRun.of("history", "--store", store, "--stream", "order-o1", "--from", "2");

        assertThat(run.exit()).as(run.err()).isZero();
        List<JsonNode> lines = run.json();
        assertThat(lines).extracting(l -> l.get("version").asLong()).containsExactly(2L, 3L);
        assertThat(lines.get(0).get("event").get("eventType").asText()).isEqualTo("OrderPaid");
        assertThat(lines.get(1).get("changes").toString())
                .contains("{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"SHIPPED\"}")
                .contains("{\"op\":\"replace\",\"path\":\"/trackingNumber\",\"value\":\"TN-1\"}");
        assertThat(lines.get(0).has("before")).isFalse();
    }

    @Test
    void aStreamWithoutAnAggregateFoldsAsMergedJson() {
        try (OpenStore open = Stores.open(store)) {
            open.store().append("legacy-1", ExpectedVersion.ANY, List.of(
                    NewEvent.of("Imported", Json.parse("{\"a\":1}"), null),
                    NewEvent.of("Imported", Json.parse("{\"b\":2}"), null)));
        }

        JsonNode state = Json.parse(CliRun.of("state", "--store", store, "--stream", "legacy-1").out());

        assertThat(state.get("foldedBy").isNull()).isTrue();
        assertThat(state.get("state")).isEqualTo(Json.parse("{\"a\":1,\"b\":2}"));
    }

    @Test
    void anEventTheOrderCannotFoldIsNamedWithExitCodeOne() {
        command("CreateOrder", ORDER);
        try (OpenStore open = Stores.open(store)) {
            open.store().append("order-o1", ExpectedVersion.ANY, List.of(
                    NewEvent.of("OrderTeleported", Json.parse("{\"to\":\"moon\"}"), null)));
        }

        CliRun history = CliRun.of("history", "--store", store, "--stream", "order-o1");
        CliRun state = CliRun.of("state", "--store", store, "--stream", "order-o1");

        assertThat(history.exit()).isEqualTo(1);
        assertThat(history.err()).contains("error: Event ", "OrderTeleported", "version 2 of stream 'order-o1'");
        assertThat(state.exit()).isEqualTo(1);
        assertThat(state.out()).isEmpty();
        assertThat(state.err()).contains("error: Event ", "OrderTeleported", "version 2 of stream 'order-o1'");
    }
}
