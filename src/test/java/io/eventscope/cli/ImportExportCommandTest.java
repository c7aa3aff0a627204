package io.eventscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.engine.event.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportExportCommandTest {
    @TempDir
    Path dir;
    String source;

    @BeforeEach
    void fill() {
        source = dir.resolve("source").toString();
        append("order-1", "OrderCreated", "c-1", "e-1");
        append("payment-1", "PaymentProcessed", "c-1", "e-2");
        append("order-2", "OrderCreated", "c-2", "e-3");
        append("order-1", "OrderPaid", "c-1", "e-4");
    }

    private void append(String stream, String type, String correlation, String id) {
        // text beyond ASCII, so a file written in another encoding than UTF-8 shows
        String data = "{\"n\":\"" + id + "\",\"customer\":\"Zo\u00eb \u00c5ngstr\u00f6m \ud83d\ude9a\",\"total\":9.90}";
        CliRun run = CliRun.of("append", "--store", source, "--stream", stream, "--type", type,
                "--data", data, "--correlation-id", correlation, "--event-id", id);
        assertThat(run.exit()).as(run.err()).isZero();
    }

    @Test
    void importLeavesTheFilterIndexCaughtUpBeforeItExits() throws Exception {
        String target = dir.resolve("target").toString();
        CliRun imported = CliRun.of("import", Path.of("sample-data", "shop.ndjson").toString(), "--store", target);
        assertThat(imported.exit()).as(imported.err()).isZero();

        // 1,699 events: the three whole blocks of 512 indexed
        assertThat(FilterIndexProbe.indexedTo(target)).isEqualTo(1_536);
    }

    @Test
    void exportThenImportIntoAnEmptyStoreThenExportGivesTheSameFile() throws IOException {
        Path first = dir.resolve("first.ndjson");
        CliRun export = CliRun.of("export", "--store", source, "--out", first.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(export.err()).contains("exported 4 events");

        String target = dir.resolve("target").toString();
        CliRun imported = CliRun.of("import", first.toString(), "--store", target);
        assertThat(imported.exit()).as(imported.err()).isZero();
        JsonNode summary = Json.parse(imported.out());
        assertThat(summary.get("imported").asLong()).isEqualTo(4);
        assertThat(summary.get("rejected").asLong()).isZero();

        CliRun again = CliRun.of("export", "--store", target);
        assertThat(again.out()).isEqualTo(Files.readString(first, StandardCharsets.UTF_8));
        assertThat(CliRun.of("read", "--store", source).out()).isEqualTo(again.out());
    }

    @Test
    void exportsAStreamOrACorrelationChainOrEventBridgeEntries() {
        assertThat(CliRun.of("export", "--store", source, "--stream", "order-1").json())
                .extracting(e -> e.get("eventId").asText()).containsExactly("e-1", "e-4");
        assertThat(CliRun.of("export", "--store", source, "--correlation-id", "c-1").json())
                .extracting(e -> e.get("eventId").asText()).containsExactly("e-1", "e-2", "e-4");
        List<JsonNode> entries = CliRun.of("export", "--store", source, "--format", "eventbridge",
                "--source", "shop", "--event-bus-name", "orders").json();
        assertThat(entries).hasSize(4);
        assertThat(entries.get(1).get("DetailType").asText()).isEqualTo("PaymentProcessed");
        assertThat(entries.get(1).get("Source").asText()).isEqualTo("shop");
        assertThat(entries.get(1).get("EventBusName").asText()).isEqualTo("orders");
        assertThat(Json.parse(entries.get(1).get("Detail").asText()).get("metadata").get("correlationId").asText()).isEqualTo("c-1");

        CliRun both = CliRun.of("export", "--store", source, "--stream", "order-1", "--correlation-id", "c-1");
        assertThat(both.exit()).isEqualTo(Cli.USAGE);
        assertThat(both.err()).contains("mutually exclusive");
    }

    @Test
    void aBadFileExitsOneWithTheLineNumberedReportAndImportsNothing() throws IOException {
        Path file = dir.resolve("bad.ndjson");
        String good = CliRun.of("read", "--store", source).lines().get(0);
        Files.write(file, List.of(good, "{\"eventId\":", good.replace("\"version\":1", "\"version\":\"one\"")));
        String target = dir.resolve("target").toString();

        CliRun run = CliRun.of("import", file.toString(), "--store", target);

        assertThat(run.exit()).isEqualTo(Cli.FINDING);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains(file + ": line 2: malformed JSON")
                .contains(file + ": line 3: field 'version' must be an integer")
                .contains("2 of 3 lines are bad; nothing was imported");
        assertThat(CliRun.of("read", "--store", target).out()).isEmpty();
    }

    @Test
    void aPartialImportTakesTheGoodLinesAndWritesTheRejects() throws IOException {
        Path file = dir.resolve("bad.ndjson");
        List<String> lines = CliRun.of("read", "--store", source).lines();
        Files.write(file, List.of(lines.get(0), "not json", lines.get(1)));
        Path rejects = dir.resolve("rejects.ndjson");
        String target = dir.resolve("target").toString();

        CliRun run = CliRun.of("import", file.toString(), "--store", target, "--partial", "--rejects", rejects.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(Json.parse(run.out()).get("imported").asLong()).isEqualTo(2);
        assertThat(Json.parse(run.out()).get("rejected").asLong()).isEqualTo(1);
        assertThat(run.err()).contains("line 2: malformed JSON");
        assertThat(Files.readString(rejects)).isEqualTo("not json\n");
        assertThat(CliRun.of("read", "--store", target).lines()).hasSize(2);
    }

    @Test
    void usageMistakesExitTwo() {
        assertThat(CliRun.of("import", dir.resolve("missing.ndjson").toString(), "--store", source).exit()).isEqualTo(Cli.USAGE);
        CliRun rejectsAlone = CliRun.of("import", dir.resolve("missing.ndjson").toString(), "--rejects", "r.ndjson");
        assertThat(rejectsAlone.exit()).isEqualTo(Cli.USAGE);
        assertThat(rejectsAlone.err()).contains("--rejects needs --partial");
        assertThat(CliRun.of("export", "--store", source, "--format", "xml").exit()).isEqualTo(Cli.USAGE);
    }
}
