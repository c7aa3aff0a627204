package io.eventscope.shop.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScenarioJsonTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"stepTimeout\": 5} | stepTimeout is not a known key; known here: name, start, arrivalIntervalMs",
            "{\"services\": {\"billing\": {}}} | services.billing is not a known key; known here: inventory, payment, shipping",
            "{\"services\": {\"payment\": {\"failureProbability\": -0.1}}} | services.payment.failureProbability is a probability and must be between 0 and 1, was -0.1",
            "{\"services\": {\"shipping\": {\"latencyMs\": {\"min\": -5}}}} | services.shipping.latencyMs.min must not be negative, was -5",
            "{\"services\": {\"shipping\": {\"latencyMs\": {\"min\": 50, \"max\": 10}}}} | services.shipping.latencyMs.max must be at least min (50), was 10",
            "{\"services\": {\"inventory\": {\"failOnCalls\": [0]}}} | services.inventory.failOnCalls[0] must be at least 1, was 0",
            "{\"catalog\": {\"mug\": {\"stock\": 3}}} | catalog.mug.price is missing",
            "{\"arrivalIntervalMs\": \"soon\"} | arrivalIntervalMs must be a whole number, was \"soon\"",
            "{\"compensationRetry\": {\"maxAttempts\": 0}} | compensationRetry.maxAttempts must be at least 1, was 0",
            "[1, 2] | (top level) must be a JSON object, was array",
    })
    void a_bad_file_is_refused_naming_the_file_the_field_and_the_problem(String json, String problem) {
        assertThatThrownBy(() -> ScenarioJson.parse(json, "s.json"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("s.json: " + problem);
    }

    @Test
    void every_sample_scenario_reads_and_writes_back_to_the_same_scenario() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("sample-data", "scenarios"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                Scenario read = ScenarioJson.read(file);
                assertThat(ScenarioJson.parse(ScenarioJson.write(read), "again")).as(file.toString()).isEqualTo(read);
            }
        }
    }

    @Test
    void missing_keys_keep_the_defaults() {
        Scenario s = ScenarioJson.parse("{\"services\": {\"payment\": {\"failureProbability\": 0.25}}}", "s.json");
        assertThat(s.faults("payment").failureProbability()).isEqualTo(0.25);
        assertThat(s.faults("inventory")).isEqualTo(Scenario.DEFAULT.faults("inventory"));
        assertThat(s.catalog()).isEqualTo(Scenario.DEFAULT.catalog());
    }
}
