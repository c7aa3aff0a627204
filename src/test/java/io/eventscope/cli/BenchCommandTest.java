package io.eventscope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.bridge.TestBroker;
import io.eventscope.engine.event.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BenchCommandTest {

    @Test
    void printsEveryFigureAsOneJsonLineAndCleansUpItsFolder(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cl = Cli.commandLine();
        cl.setOut(new PrintWriter(out));
        int exit = cl.execute("bench", "--events", "2000", "--dir", dir.toString());

        assertThat(exit).isEqualTo(Cli.OK);
        List<JsonNode> lines = out.toString().lines().map(Json::parse).toList();
        Map<String, JsonNode> figures = lines.stream().collect(Collectors.toMap(f -> f.get("name").asText(), Function.identity()));
        List<String> expected = new ArrayList<>(List.of("append-batch100", "append-single",
                "store-growth-append-single", "store-growth", "store-growth-closed", "replay", "lookup-correlation",
                "lookup-causation", "filter-type", "filter-type-count", "filter-text", "filter-text-count", "filter-time",
                "filter-time-count", "filter-stream", "filter-stream-count", "filter-combined", "filter-combined-count",
                "stats", "memory-append", "memory-read", "stateAt", "fold-decider",
                "fold-json-merge", "timeline-open", "timeline-jump", "upcast-dry-run", "export-ndjson", "import-ndjson",
                "what-if-branch", "cli-start", "window-start",
                "saga-simulate-orchestration", "saga-simulate-choreography", "projection-rebuild-orders",
                "projection-rebuild-stock", "projection-rebuild-sagas", "projection-lag", "projection-lag-max",
                "projection-lag-appends"));
        if (TestBroker.answers()) { // without a broker the rabbit step says it skipped, on stderr
            expected.addAll(List.of("rabbit-publish", "rabbit-consume"));
        }
        assertThat(lines).extracting(f -> f.get("name").asText()).containsExactlyElementsOf(expected);
        for (String withBaseline : Stream.concat(Stream.of("append-batch100", "append-single", "replay", "upcast-dry-run",
                "export-ndjson", "import-ndjson"), expected.stream().filter(n -> n.startsWith("rabbit-")
                || n.startsWith("projection-rebuild-"))).toList()) {
            JsonNode f = figures.get(withBaseline);
            assertThat(f.get("unit").asText()).isEqualTo("events/s");
            assertThat(f.get("value").asDouble()).isPositive();
            assertThat(f.get("ratio").asDouble())
                    .isCloseTo(f.get("value").asDouble() / f.get("baseline").asDouble(), within(0.01));
        }
        for (String growth : List.of("store-growth", "store-growth-closed")) {
            JsonNode f = figures.get(growth);
            assertThat(f.get("unit").asText()).isEqualTo("bytes/event");
            assertThat(f.get("baseline").asDouble()).isPositive();
            assertThat(f.get("ratio").asDouble())
                    .isCloseTo(f.get("value").asDouble() / f.get("baseline").asDouble(), within(0.01));
        }
        assertThat(figures.get("store-growth-append-single").get("value").asDouble()).isPositive();
        JsonNode lookup = figures.get("lookup-correlation");
        assertThat(lookup.get("unit").asText()).isEqualTo("ms");
        assertThat(lookup.get("p99").asDouble()).isGreaterThanOrEqualTo(lookup.get("value").asDouble());
        assertThat(figures.get("memory-append").has("baseline")).isFalse();
        JsonNode stateAt = figures.get("stateAt");
        assertThat(stateAt.get("p99").asDouble()).isGreaterThanOrEqualTo(stateAt.get("value").asDouble());
        assertThat(stateAt.get("baseline").asDouble()).isPositive();
        JsonNode jump = figures.get("timeline-jump");
        assertThat(jump.get("unit").asText()).isEqualTo("ms");
        assertThat(jump.get("p99").asDouble()).isGreaterThanOrEqualTo(jump.get("value").asDouble());
        for (String fold : List.of("fold-decider", "fold-json-merge")) {
            assertThat(figures.get(fold).get("unit").asText()).isEqualTo("ms");
            assertThat(figures.get(fold).has("baseline")).isTrue();
        }
        JsonNode cliStart = figures.get("cli-start");
        assertThat(cliStart.get("unit").asText()).isEqualTo("ms");
        assertThat(cliStart.get("baseline").asDouble()).isPositive();
        assertThat(cliStart.get("ratio").asDouble()).isGreaterThan(1); // a command does more than print a line
        // the tests run headless: no display for a window to start on
        assertThat(figures.get("window-start").get("skipped").asText()).contains("no display");
        assertThat(figures.get("window-start").has("value")).isFalse();
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void onlyRunsTheNamedStepsAfterTheLoaderAndMakesAMissingFolder(@TempDir Path parent) {
        Path dir = parent.resolve("not/there/yet");
        StringWriter out = new StringWriter();
        CommandLine cl = Cli.commandLine();
        cl.setOut(new PrintWriter(out));
        int exit = cl.execute("bench", "--events", "1000", "--dir", dir.toString(), "--only", "replay,memory");

        assertThat(exit).isEqualTo(Cli.OK);
        assertThat(out.toString().lines().map(Json::parse).map(f -> f.get("name").asText()))
                .containsExactly("append-batch100", "replay", "memory-append", "memory-read");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void theReadModelStepsRebuildEachShopReadModelAgainstReplayAndReportTheLagWhileAppending(@TempDir Path dir) {
        StringWriter out = new StringWriter();
        CommandLine cl = Cli.commandLine();
        cl.setOut(new PrintWriter(out));
        int exit = cl.execute("bench", "--events", "2000", "--dir", dir.toString(), "--only",
                "projection-rebuild,projection-lag");

        assertThat(exit).isEqualTo(Cli.OK);
        Map<String, JsonNode> figures = out.toString().lines().map(Json::parse)
                .collect(Collectors.toMap(f -> f.get("name").asText(), Function.identity()));
        assertThat(figures).containsOnlyKeys("append-batch100", "projection-rebuild-orders", "projection-rebuild-stock",
                "projection-rebuild-sagas", "projection-lag", "projection-lag-max", "projection-lag-appends");
        for (String rebuild : List.of("projection-rebuild-orders", "projection-rebuild-stock", "projection-rebuild-sagas")) {
            JsonNode f = figures.get(rebuild);
            assertThat(f.get("unit").asText()).isEqualTo("events/s");
            assertThat(f.get("ratio").asDouble())
                    .isCloseTo(f.get("value").asDouble() / f.get("baseline").asDouble(), within(0.01));
        }
        JsonNode lag = figures.get("projection-lag");
        assertThat(lag.get("unit").asText()).isEqualTo("ms");
        assertThat(lag.get("p99").asDouble()).isGreaterThanOrEqualTo(lag.get("value").asDouble());
        assertThat(figures.get("projection-lag-max").get("value").asDouble()) // rounded to 0.1 ms
                .isGreaterThanOrEqualTo(lag.get("p99").asDouble() - 0.05);
        assertThat(figures.get("projection-lag-appends").get("value").asDouble()).isPositive();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void anUnknownStepIsBadUsageNamingTheSteps() {
        StringWriter err = new StringWriter();
        CommandLine cl = Cli.commandLine();
        cl.setErr(new PrintWriter(err));
        assertThat(cl.execute("bench", "--events", "1000", "--only", "replya")).isEqualTo(Cli.USAGE);
        assertThat(err.toString()).contains("'replya'", "replay", "append-single");
    }

    @Test
    void tooFewEventsIsBadUsage() {
        StringWriter err = new StringWriter();
        CommandLine cl = Cli.commandLine();
        cl.setErr(new PrintWriter(err));
        assertThat(cl.execute("bench", "--events", "5")).isEqualTo(Cli.USAGE);
        assertThat(err.toString()).contains("--events", "5");
    }
}
