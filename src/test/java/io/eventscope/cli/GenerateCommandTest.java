package io.eventscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventscope.engine.domain.AggregateType;
import io.eventscope.engine.event.StreamIds;
import io.eventscope.shop.Shop;
import io.eventscope.shop.upcast.ShopUpcasters;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
    private static final Pattern RUN_ID = Pattern.compile("generating run (\\w+) with seed (-?\\d+)");

    @TempDir
    Path dir;
    String store;

    @BeforeEach
    void store() {
        store = dir.resolve("shop").toString();
    }

    private CliRun generate(String... more) {
        List<String> args = new ArrayList<>(List.of("generate", "--store", store));
        args.addAll(List.of(more));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exit()).as(run.err()).isZero();
        return run;
    }

    private List<JsonNode> readAll() {
        return CliRun.of("read", "--store", store).json();
    }

    @Test
    void leavesTheFilterIndexCaughtUpBeforeItExits() throws Exception {
        generate("--streams", "1100", "--events-per-stream", "5", "--batch", "500", "--seed", "3");

        // 5,500 events: every whole block of 512 indexed, so the next process reads none of them to filter
        assertThat(FilterIndexProbe.indexedTo(store)).isEqualTo(5_120);
    }

    @Test
    void printsOneAckedLinePerCommittedBatch() {
        CliRun run = generate("--streams", "5", "--events-per-stream", "7", "--batch", "10");

        assertThat(run.lines()).containsExactly("acked 10", "acked 20", "acked 30", "acked 35");
        assertThat(readAll()).hasSize(35);
    }

    @Test
    void createsTheAskedStreamsOfTheAskedLength() {
        generate("--streams", "6", "--events-per-stream", "9", "--seed", "1");

        Map<String, Long> lengths = readAll().stream().collect(Collectors.groupingBy(
                e -> e.get("streamId").asText(), LinkedHashMap::new, Collectors.counting()));
        assertThat(lengths).hasSize(6).allSatisfy((stream, length) -> assertThat(length).isEqualTo(9));
        assertThat(lengths.keySet()).extracting(s -> s.substring(0, s.indexOf('-')))
                .containsExactly("synth.order", "synth.payment", "synth.inventory", "synth.shipping", "synth.order",
                        "synth.payment");
        assertThat(readAll()).allSatisfy(e -> assertThat(e.get("version").asLong()).isBetween(1L, 9L));
    }

    @Test
    void twoRunsNeverShareAStreamOrAnEventId() {
        generate("--streams", "4", "--events-per-stream", "3", "--seed", "7");
        List<JsonNode> first = readAll();
        generate("--streams", "4", "--events-per-stream", "3", "--seed", "7");
        List<JsonNode> both = readAll();

        Set<String> firstStreams = streams(first);
        Set<String> secondStreams = streams(both.subList(first.size(), both.size()));
        assertThat(both).hasSize(24);
        assertThat(firstStreams).hasSize(4).doesNotContainAnyElementsOf(secondStreams);
        assertThat(secondStreams).hasSize(4);
        assertThat(both.stream().map(e -> e.get("eventId").asText()).distinct()).hasSize(24);
    }

    private static Set<String> streams(List<JsonNode> events) {
        return events.stream().map(e -> e.get("streamId").asText()).collect(Collectors.toSet());
    }

    @Test
    void theSameSeedGivesTheSameContentApartFromTheRunId() {
        CliRun a = generate("--streams", "8", "--events-per-stream", "6", "--seed", "42");
        int firstCount = readAll().size();
        CliRun b = generate("--streams", "8", "--events-per-stream", "6", "--seed", "42");
        CliRun c = generate("--streams", "8", "--events-per-stream", "6", "--seed", "43");
        List<JsonNode> all = readAll();

        List<String> runA = comparable(all.subList(0, firstCount), runId(a));
        List<String> runB = comparable(all.subList(firstCount, 2 * firstCount), runId(b));
        List<String> runC = comparable(all.subList(2 * firstCount, 3 * firstCount), runId(c));
        assertThat(runA).isEqualTo(runB);
        assertThat(runA).isNotEqualTo(runC);
    }

    private static String runId(CliRun run) {
        Matcher m = RUN_ID.matcher(run.err());
        assertThat(m.find()).as(run.err()).isTrue();
        return m.group(1);
    }

    /** The events without what legitimately differs between runs: run id, position and clock. */
    private static List<String> comparable(List<JsonNode> events, String runId) {
        return events.stream().map(e -> {
            ObjectNode copy = e.deepCopy();
            copy.remove(List.of("position", "timestamp"));
            return copy.toString().replace(runId, "RUN");
        }).toList();
    }

    @Test
    void everyChainLeadsBackToOneCommandThroughTheEventBeforeIt() {
        generate("--streams", "8", "--events-per-stream", "5", "--batch", "7");

        Map<String, List<JsonNode>> chains = readAll().stream().collect(Collectors.groupingBy(
                e -> e.get("metadata").get("correlationId").asText(), LinkedHashMap::new, Collectors.toList()));
        assertThat(chains).hasSize(2);
        chains.values().forEach(chain -> {
            assertThat(chain).hasSize(20);
            assertThat(chain.get(0).get("metadata").get("causationId").asText()).startsWith("cmd-");
            for (int i = 1; i < chain.size(); i++) {
                assertThat(chain.get(i).get("metadata").get("causationId").asText())
                        .isEqualTo(chain.get(i - 1).get("eventId").asText());
            }
            assertThat(chain).extracting(e -> e.get("streamId").asText().split("-")[0]).containsSubsequence(
                    "synth.order", "synth.payment", "synth.inventory", "synth.shipping");
        });
    }

    @Test
    void eventsTellAnOrdersStory() {
        generate("--streams", "4", "--events-per-stream", "6", "--seed", "3");

        List<JsonNode> events = readAll();
        assertThat(events).extracting(e -> e.get("eventType").asText()).containsExactly(
                "OrderOpened", "ItemAdded", "ItemAdded", "OrderPlaced", "OrderSettled", "OrderFulfilled",
                "PaymentRequested", "PaymentDeclined", "PaymentDeclined", "PaymentDeclined", "PaymentAuthorized",
                "PaymentSettled",
                "StockAllocated", "StockAllocated", "StockAllocated", "StockAllocated", "StockPicked", "StockCommitted",
                "ShipmentCreated", "ShipmentDispatched", "TrackingUpdated", "TrackingUpdated", "TrackingUpdated",
                "ShipmentDelivered");
        BigDecimal lines = events.subList(0, 3).stream()
                .map(e -> e.get("eventType").asText().equals("OrderOpened") ? e.get("data").get("line") : e.get("data"))
                .map(l -> l.get("unitPrice").decimalValue().multiply(l.get("quantity").decimalValue()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        JsonNode placed = events.get(3).get("data");
        assertThat(placed.get("total").decimalValue()).isEqualByComparingTo(lines);
        assertThat(placed.get("itemCount").asInt()).isEqualTo(3);
        assertThat(events.get(11).get("data").get("amount").decimalValue()).isEqualByComparingTo(lines);
        Set<String> orderIds = new HashSet<>();
        events.forEach(e -> {
            if (e.get("data").has("orderId")) {
                orderIds.add(e.get("data").get("orderId").asText());
            }
        });
        assertThat(orderIds).containsExactly(events.get(0).get("aggregateId").asText());
    }

    @Test
    void generatedStreamsAreNotFoldedByTheShopsDeciders() {
        generate("--streams", "4", "--events-per-stream", "2");

        Set<String> shopTypes = Shop.aggregateTypes().stream().map(AggregateType::name).collect(Collectors.toSet());
        assertThat(readAll()).extracting(e -> StreamIds.aggregateType(e.get("streamId").asText()))
                .doesNotContainAnyElementsOf(shopTypes)
                .containsOnly("synth.order", "synth.payment", "synth.inventory", "synth.shipping");
    }

    @Test
    void noGeneratedEventTypeIsOneTheShopDecodesOrUpcasts() {
        generate("--streams", "4", "--events-per-stream", "6");

        Set<String> types = readAll().stream().map(e -> e.get("eventType").asText()).collect(Collectors.toSet());
        Set<String> upcastTypes = ShopUpcasters.chain().upcasters().stream()
                .flatMap(u -> Stream.of(u.eventType(), u.toEventType())).collect(Collectors.toSet());
        assertThat(types).hasSize(16).doesNotContainAnyElementsOf(upcastTypes);
        assertThat(types).noneMatch(type -> Shop.aggregateTypes().stream().anyMatch(a -> a.events().knows(type)));
    }

    @Test
    void shortStreamsFollowTheLifecycleFromItsStart() {
        generate("--streams", "2", "--events-per-stream", "2");

        assertThat(readAll()).extracting(e -> e.get("eventType").asText())
                .containsExactly("OrderOpened", "OrderPlaced", "PaymentRequested", "PaymentAuthorized");
    }

    @Test
    void sizesMustBePositive() {
        CliRun streams = CliRun.of("generate", "--store", store, "--streams", "0", "--events-per-stream", "3");
        CliRun batch = CliRun.of("generate", "--store", store, "--streams", "1", "--events-per-stream", "3",
                "--batch", "-5");
        CliRun missing = CliRun.of("generate", "--store", store, "--streams", "1");

        assertThat(streams.exit()).isEqualTo(2);
        assertThat(streams.err()).contains("--streams must be 1 or more, was 0");
        assertThat(batch.exit()).isEqualTo(2);
        assertThat(batch.err()).contains("--batch must be 1 or more, was -5");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("Missing required option: '--events-per-stream=M'");
        assertThat(readAll()).isEmpty();
    }
}
