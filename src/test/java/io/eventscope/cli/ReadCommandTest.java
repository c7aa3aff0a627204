package io.eventscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadCommandTest {
    @TempDir
    Path dir;
    String store;

    @BeforeEach
    void fill() {
        store = dir.resolve("shop").toString();
        append("order-1", "OrderCreated", "c-1", "cmd-1", "e-1");
        append("payment-1", "PaymentRequested", "c-1", "e-1", "e-2");
        append("order-2", "OrderCreated", "c-2", "cmd-2", "e-3");
        append("order-1", "OrderPaid", "c-1", "e-2", "e-4");
    }

    private void append(String stream, String type, String correlation, String causation, String id) {
        CliRun run = CliRun.of("append", "--store", store, "--stream", stream, "--type", type,
                "--data", "{\"n\":\"" + id + "\"}", "--correlation-id", correlation, "--causation-id", causation,
                "--event-id", id, "--user", "u-1");
        assertThat(run.exit()).as(run.err()).isZero();
    }

    private List<String> ids(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "read";
        all[1] = "--store";
        all[2] = store;
        System.arraycopy(args, 0, all, 3, args.length);
        CliRun run = CliRun.of(all);
        assertThat(run.exit()).as(run.err()).isZero();
        return run.json().stream().map(e -> e.get("eventId").asText()).toList();
    }

    @Test
    void printsEveryEnvelopeAsOneJsonLineInPositionOrder() {
        CliRun run = CliRun.of("read", "--store", store);

        assertThat(run.exit()).isZero();
        assertThat(run.lines()).hasSize(4);
        JsonNode first = run.json().get(0);
        assertThat(first.fieldNames()).toIterable().containsExactly("eventId", "eventType", "aggregateType",
                "aggregateId", "streamId", "version", "schemaVersion", "position", "timestamp", "data", "metadata");
        assertThat(first.get("streamId").asText()).isEqualTo("order-1");
        assertThat(first.get("aggregateType").asText()).isEqualTo("order");
        assertThat(first.get("aggregateId").asText()).isEqualTo("1");
        assertThat(first.get("version").asLong()).isEqualTo(1);
        assertThat(first.get("position").asLong()).isEqualTo(1);
        assertThat(first.get("timestamp").asText()).endsWith("Z");
        assertThat(Instant.parse(first.get("timestamp").asText())).isBeforeOrEqualTo(Instant.now());
        assertThat(first.get("data").get("n").asText()).isEqualTo("e-1");
        assertThat(first.get("metadata").toString())
                .isEqualTo("{\"userId\":\"u-1\",\"correlationId\":\"c-1\",\"causationId\":\"cmd-1\"}");
        assertThat(run.json()).extracting(e -> e.get("position").asLong()).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void printsTheSameBytesAsExport() {
        CliRun read = CliRun.of("read", "--store", store);
        CliRun export = CliRun.of("export", "--store", store);

        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(read.out()).isEqualTo(export.out());
    }

    @Test
    void filtersByStreamCorrelationCausationAndType() {
        assertThat(ids("--stream", "order-1")).containsExactly("e-1", "e-4");
        assertThat(ids("--stream", "order-*")).containsExactly("e-1", "e-3", "e-4");
        assertThat(ids("--correlation-id", "c-1")).containsExactly("e-1", "e-2", "e-4");
        assertThat(ids("--causation-id", "e-1")).containsExactly("e-2");
        assertThat(ids("--type", "OrderCreated")).containsExactly("e-1", "e-3");
        assertThat(ids("--type", "OrderPaid", "--type", "PaymentRequested")).containsExactly("e-2", "e-4");
        assertThat(ids("--type", "OrderPaid,PaymentRequested")).containsExactly("e-2", "e-4");
        assertThat(ids("--correlation-id", "c-1", "--type", "OrderPaid")).containsExactly("e-4");
        assertThat(ids("--correlation-id", "nobody")).isEmpty();
    }

    @Test
    void startsAtAPositionLimitsAndReadsBackwards() {
        assertThat(ids("--from-position", "2")).containsExactly("e-2", "e-3", "e-4");
        assertThat(ids("--limit", "2")).containsExactly("e-1", "e-2");
        assertThat(ids("--limit", "0")).isEmpty();
        assertThat(ids("--backwards")).containsExactly("e-4", "e-3", "e-2", "e-1");
        assertThat(ids("--backwards", "--from-position", "3", "--limit", "2")).containsExactly("e-3", "e-2");
        assertThat(ids("--backwards", "--stream", "order-1")).containsExactly("e-4", "e-1");
    }

    @Test
    void readsALogLongerThanOnePageCompletelyAndInOrder() {
        int events = ReadCommand.PAGE_SIZE * 2 + 500;
        CliRun generate = CliRun.of("generate", "--store", store, "--streams", "25", "--events-per-stream",
                Integer.toString(events / 25), "--batch", "500");
        assertThat(generate.exit()).as(generate.err()).isZero();

        CliRun forwards = CliRun.of("read", "--store", store, "--from-position", "5");
        CliRun backwards = CliRun.of("read", "--store", store, "--backwards", "--limit", "1500");

        assertThat(forwards.json()).extracting(e -> e.get("position").asLong())
                .containsExactlyElementsOf(range(5, events + 4));
        assertThat(backwards.json()).extracting(e -> e.get("position").asLong())
                .containsExactlyElementsOf(range(events + 4, events + 4 - 1499));
    }

    private static List<Long> range(long from, long to) {
        long step = from <= to ? 1 : -1;
        return LongStream.iterate(from, p -> p != to + step, p -> p + step).boxed().toList();
    }

    @Test
    void badNumbersAreUsageErrors() {
        CliRun letters = CliRun.of("read", "--store", store, "--limit", "ten");
        CliRun negative = CliRun.of("read", "--store", store, "--limit", "-1");

        assertThat(letters.exit()).isEqualTo(2);
        assertThat(letters.err()).contains("Invalid value for option '--limit': 'ten' is not a long");
        assertThat(negative.exit()).isEqualTo(2);
        assertThat(negative.err()).contains("--limit must be 0 or more, was -1");
        assertThat(letters.out() + negative.out()).isEmpty();
    }
}
