package io.eventscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WhatIfCommandTest {
    @TempDir
    Path dir;
    private String store;

    @BeforeEach
    void shop() {
        store = dir.resolve("shop").toString();
        command("CreateOrder", "{\"orderId\":\"o1\",\"userId\":\"alice\",\"items\":[{\"sku\":\"a\",\"quantity\":2,\"unitPrice\":12.25}]}");
        command("PayOrder", "{\"orderId\":\"o1\",\"amount\":24.50}");
        command("ShipOrder", "{\"orderId\":\"o1\",\"trackingNumber\":\"T-1\"}");
    }

    private void command(String type, String json) {
        CliRun run = CliRun.of("command", "--store", store, "--type", type, "--json", json, "--correlation-id", "c1");
        assertThat(run.exit()).as(run.err()).isZero();
    }

    private String paidEventId() {
        return CliRun.of("read", "--store", store, "--type", "OrderPaid").json().get(0).get("eventId").asText();
    }

    @Test
    void skipping_the_payment_prints_the_rejected_shipping_and_exits_0_because_the_branch_differs() {
        CliRun run = CliRun.of("what-if", "--store", store, "--correlation-id", "c1", "--at", "2", "--skip", paidEventId());

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode result = run.json().get(0);
        assertThat(result.get("differs").asBoolean()).isTrue();
        JsonNode ship = result.get("outcomes").get(0);
        assertThat(ship.get("commandType").asText()).isEqualTo("ShipOrder");
        assertThat(ship.get("verdict").asText()).isEqualTo("NOW_REJECTED");
        assertThat(ship.get("branch").get("reason").asText()).isEqualTo("Order o1 is not paid yet; only a paid order ships.");
        assertThat(result.get("states").get(0).get("branch").get("status").asText()).isEqualTo("PENDING");
        assertThat(CliRun.of("read", "--store", store).lines()).hasSize(3);
    }

    @Test
    void an_unchanged_fork_exits_1_with_every_command_the_same() {
        CliRun run = CliRun.of("what-if", "--store", store, "--stream", "order-o1", "--at", "1");

        assertThat(run.exit()).isEqualTo(Cli.FINDING);
        JsonNode result = run.json().get(0);
        assertThat(result.get("differs").asBoolean()).isFalse();
        assertThat(result.get("outcomes")).hasSize(2)
                .allSatisfy(o -> assertThat(o.get("verdict").asText()).isEqualTo("SAME"));
    }

    @Test
    void a_replacement_that_does_not_fit_is_one_sentence_on_stderr_with_exit_2() {
        CliRun run = CliRun.of("what-if", "--store", store, "--correlation-id", "c1", "--at", "2",
                "--replace", paidEventId(), "--data", "{\"orderId\":\"o1\",\"amount\":true}");

        assertThat(run.exit()).isEqualTo(Cli.USAGE);
        assertThat(run.err()).contains("amount: expected a number, found a boolean");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void a_position_with_no_event_is_refused() {
        CliRun run = CliRun.of("what-if", "--store", store, "--correlation-id", "c1", "--at", "99");
        assertThat(run.exit()).isEqualTo(Cli.USAGE);
        assertThat(run.err()).contains("no event at position 99").contains("head is at 3");
    }
}
