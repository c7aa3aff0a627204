package io.eventscope.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.io.ImportOptions;
import io.eventscope.engine.io.ImportReport;
import io.eventscope.engine.io.NdjsonImporter;
import io.eventscope.engine.io.ProgressMonitor;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.InMemoryEventStore;
import io.eventscope.engine.upcast.DryRunReport;
import io.eventscope.engine.upcast.UpcastDryRun;
import io.eventscope.engine.upcast.UpcastingEventStore;
import io.eventscope.shop.upcast.ShopUpcasters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The committed sample data still imports, upcasts cleanly and shows what its README promises. */
class ShopSampleDataTest {
    private static final Path EVENTS = Path.of("sample-data/shop.ndjson");
    private static final Path COMMANDS = Path.of("sample-data/shop-commands.ndjson");

    @Test
    void importsUpcastsAndCoversEveryOrderState() {
        InMemoryEventStore store = new InMemoryEventStore();
        ImportReport report = NdjsonImporter.envelopes(store).importFile(EVENTS, ImportOptions.ATOMIC, ProgressMonitor.NONE);
        assertThat(report.complete()).as(report.toString()).isTrue();

        DryRunReport dryRun = new UpcastDryRun(store, ShopUpcasters.chain()).run(ProgressMonitor.NONE);
        assertThat(dryRun.failureCount()).isZero();
        assertThat(dryRun.stored().get("OrderCreated")).containsKeys(1, 3);
        assertThat(dryRun.stored().get("PaymentProcessed")).containsKey(1);
        assertThat(dryRun.upcasted()).doesNotContainKey("PaymentProcessed");
        assertThat(dryRun.upcasted().get("OrderCreated")).containsOnlyKeys(3);

        List<EventEnvelope> events = new UpcastingEventStore(store, ShopUpcasters.chain())
                .read(EventFilter.ALL, 1, Integer.MAX_VALUE, Direction.FORWARDS);
        assertThat(Duration.between(events.get(0).timestamp(), events.get(events.size() - 1).timestamp()))
                .isGreaterThan(Duration.ofDays(4));
        Map<String, String> lastOrderEvent = new HashMap<>();
        Set<String> correlations = new HashSet<>();
        for (EventEnvelope e : events) {
            if (e.aggregateType().equals("order")) {
                lastOrderEvent.put(e.streamId(), e.eventType());
            }
            correlations.add(e.correlationId());
        }
        assertThat(lastOrderEvent).hasSizeGreaterThanOrEqualTo(200);
        assertThat(Set.copyOf(lastOrderEvent.values()))
                .containsExactlyInAnyOrder("OrderCreated", "OrderPaid", "OrderShipped", "OrderCancelled");
        assertThat(correlations).hasSizeGreaterThanOrEqualTo(200);
        assertThat(events).filteredOn(e -> e.eventType().equals("OrderCreated"))
                .anyMatch(e -> e.data().get("shippingAddress").get("city").asText().equals("unknown"));
    }

    @Test
    void theJournalHoldsRejectedCommandsWithReasons() throws IOException {
        List<JsonNode> journal;
        try (var lines = Files.lines(COMMANDS)) {
            journal = lines.map(Json::parse).toList();
        }
        List<JsonNode> rejected = journal.stream().filter(j -> j.get("status").asText().equals("REJECTED")).toList();
        assertThat(rejected).hasSizeGreaterThan(10).allMatch(j -> !j.get("reason").asText().isBlank());
        assertThat(rejected).extracting(j -> j.get("command").get("commandType").asText())
                .contains("PayOrder", "ShipOrder", "ReserveStock");
    }
}
