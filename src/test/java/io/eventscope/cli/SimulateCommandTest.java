package io.eventscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.store.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {
    private static final String[] FLAKY = {"--orders", "150", "--seed", "5", "--fail",
            "payment=0.2,inventory=0.1,shipping=0.05,compensation=0.5"};

    @Test
    void the_same_arguments_on_an_empty_store_print_the_same_bytes_in_each_mode(@TempDir Path dir) {
        for (String mode : List.of("orchestration", "choreography")) {
            CliRun first = simulate(dir.resolve(mode + "-a"), mode);
            CliRun second = simulate(dir.resolve(mode + "-b"), mode);

            assertThat(first.exit()).as(first.err()).isEqualTo(Cli.OK);
            assertThat(second.out()).isEqualTo(first.out());
            JsonNode summary = first.json().get(0);
            assertThat(summary.get("mode").asText()).isEqualTo(mode);
            assertThat(summary.get("completed").asInt() + summary.get("compensated").asInt()
                    + summary.get("needsIntervention").asInt()).isEqualTo(150);
            assertThat(summary.get("compensated").asInt()).isPositive();
            assertThat(summary.get("invariantsHold").asBoolean()).isTrue();
            assertThat(summary.get("invariants")).hasSize(6);
            try (OpenStore store = Stores.open(dir.resolve(mode + "-a").toString())) {
                assertThat(store.store().count(EventFilter.ALL)).isEqualTo(summary.get("events").asLong());
            }
        }
    }

    @Test
    void sagas_lists_each_stored_saga_with_its_steps_filtered_by_outcome(@TempDir Path dir) {
        Path store = dir.resolve("s");
        JsonNode summary = simulate(store, "orchestration").json().get(0);

        List<JsonNode> all = CliRun.of("sagas", "--store", store.toString()).json();
        List<JsonNode> compensated = CliRun.of("sagas", "--store", store.toString(), "--outcome", "compensated").json();
        List<JsonNode> stuck = CliRun.of("sagas", "--store", store.toString(), "--outcome", "needs-intervention").json();

        assertThat(all).hasSize(150);
        assertThat(compensated).hasSize(summary.get("compensated").asInt())
                .allMatch(s -> s.get("status").asText().equals("compensated"));
        assertThat(stuck).hasSize(summary.get("needsIntervention").asInt());
        JsonNode saga = compensated.get(0);
        assertThat(saga.get("steps").get(0).get("type").asText()).isEqualTo("SagaStarted");
        assertThat(saga.get("steps").get(saga.get("steps").size() - 1).get("type").asText()).isEqualTo("SagaCompensated");
        assertThat(saga.get("correlationId").asText()).isEqualTo(saga.get("orderId").asText());
    }

    @Test
    void the_same_run_is_stored_once(@TempDir Path dir) {
        Path store = dir.resolve("s");
        simulate(store, "orchestration");
        CliRun again = simulate(store, "orchestration");

        assertThat(again.exit()).isEqualTo(Cli.CONFLICT);
        assertThat(again.err()).contains("already holds run sim-o5", "pick another --seed");
        assertThat(CliRun.of("sagas", "--store", store.toString()).lines()).hasSize(150);
    }

    @Test
    void a_bad_scenario_is_refused_naming_file_and_field_and_nothing_is_written(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"services\": {\"payment\": {\"failureProbability\": 1.5}}}");
        Path store = dir.resolve("s");

        CliRun run = CliRun.of("simulate", "--store", store.toString(), "--scenario", file.toString());

        assertThat(run.exit()).isEqualTo(Cli.USAGE);
        assertThat(run.err().trim()).isEqualTo("simulate: " + file
                + ": services.payment.failureProbability is a probability and must be between 0 and 1, was 1.5");
        assertThat(run.out()).isEmpty();
        assertThat(dir.resolve("s.mv.db")).doesNotExist();
    }

    @Test
    void bad_options_are_one_sentence_each(@TempDir Path dir) {
        String store = dir.resolve("s").toString();
        assertThat(CliRun.of("simulate", "--store", store, "--mode", "solo").err())
                .contains("--mode must be orchestration or choreography, was 'solo'");
        assertThat(CliRun.of("simulate", "--store", store, "--fail", "billing=0.1").err())
                .contains("--fail: unknown service 'billing'");
        assertThat(CliRun.of("simulate", "--store", store, "--fail", "payment=2").err())
                .contains("--fail payment: is a probability and must be between 0 and 1, was 2");
        assertThat(CliRun.of("sagas", "--store", store, "--outcome", "lost").err())
                .contains("--outcome must be one of running, compensating, completed, compensated, needs-intervention");
    }

    private static CliRun simulate(Path store, String mode) {
        String[] args = new String[FLAKY.length + 5];
        args[0] = "simulate";
        args[1] = "--store";
        args[2] = store.toString();
        args[3] = "--mode";
        args[4] = mode;
        System.arraycopy(FLAKY, 0, args, 5, FLAKY.length);
        return CliRun.of(args);
    }
}
