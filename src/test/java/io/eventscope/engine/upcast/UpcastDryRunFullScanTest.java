package io.eventscope.engine.upcast;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.Metadata;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.io.ProgressMonitor;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.store.Stores;
import io.eventscope.engine.store.StreamAppend;
import io.eventscope.shop.upcast.ShopUpcasters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dry run reads only the events an upcaster changes and takes the other counts from the
 * store; its report must be the one a scan of every event gives.
 */
class UpcastDryRunFullScanTest {
    /** Fails on every third OrderShipped v1; the others become v2. */
    private static final Upcaster SHIPPED_V1 = new Upcaster() {
        public String eventType() {
            return "OrderShipped";
        }

        public int fromSchemaVersion() {
            return 1;
        }

        public JsonNode upcast(JsonNode data) {
            if (data.path("n").asInt() % 3 == 0) {
                throw new IllegalArgumentException("no carrier for shipment " + data.path("n").asInt());
            }
            return data.deepCopy();
        }
    };

    private static final UpcasterChain CHAIN = new UpcasterChain(List.of(
            ShopUpcasters.chain().upcasters().get(0), ShopUpcasters.chain().upcasters().get(1),
            ShopUpcasters.chain().upcasters().get(2), SHIPPED_V1));

    @ParameterizedTest
    @ValueSource(strings = {"memory", "h2"})
    void givesTheReportOfAFullScanOnMixedOldAndNewEventsWithFailures(String kind) {
        try (OpenStore open = open(kind)) {
            // More failures than are listed, spread over two stored shapes, so the listed ones
            // must be the first by position across both.
            fill(open.store(), 36_000);

            DryRunReport fast = new UpcastDryRun(open.store(), CHAIN).run(ProgressMonitor.NONE);
            DryRunReport full = fullScan(open.store(), CHAIN);

            assertThat(full.failureCount()).isGreaterThan(UpcastDryRun.MAX_LISTED_FAILURES);
            assertThat(full.changed()).isPositive();
            assertThat(full.stored().get("OrderCreated")).containsOnlyKeys(1, 2, 3);
            assertThat(fast).isEqualTo(full);
        }
    }

    private static OpenStore open(String kind) {
        return Stores.open(kind.equals("memory") ? "memory"
                : "jdbc:h2:mem:dry-run-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    /** Old and new shapes mixed: OrderCreated v1 (some without the userId its upcaster needs), v2 and v3, PaymentProcessed v1 (some with a text total), PaymentCaptured v2, OrderShipped v1 and v2. */
    private static void fill(EventStore store, int events) {
        List<StreamAppend> batch = new ArrayList<>();
        for (int n = 0; n < events; n++) {
            batch.add(new StreamAppend("s-" + n, ExpectedVersion.NO_STREAM, List.of(event(n))));
            if (batch.size() == 1_000) {
                store.appendAll(batch);
                batch = new ArrayList<>();
            }
        }
        store.appendAll(batch);
    }

    private static NewEvent event(int n) {
        String id = "\"orderId\":\"o" + n + "\",\"paymentId\":\"p" + n + "\",\"n\":" + n;
        switch (n % 9) {
            case 0:
                return event("OrderCreated", 1, "{" + id + ",\"userId\":\"u\",\"items\":[],\"total\":5}");
            case 1:
                return event("OrderCreated", 1, "{" + id + ",\"items\":[],\"total\":5}");
            case 2:
                return event("OrderCreated", 2, "{" + id + ",\"userId\":\"u\",\"items\":[],\"amount\":5,\"currency\":\"EUR\"}");
            case 3:
                return event("OrderCreated", 3, "{" + id + ",\"userId\":\"u\",\"items\":[],\"amount\":5,\"currency\":\"EUR\"}");
            case 4:
                return event("PaymentProcessed", 1, "{" + id + ",\"total\":" + (n % 2 == 0 ? "5.00" : "\"five\"") + "}");
            case 5:
                return event("PaymentCaptured", 2, "{" + id + ",\"amount\":5,\"currency\":\"EUR\"}");
            case 6:
            case 7:
                return event("OrderShipped", 1, "{" + id + "}");
            default:
                return event("OrderShipped", 2, "{" + id + "}");
        }
    }

    private static NewEvent event(String type, int schemaVersion, String json) {
        return new NewEvent(null, type, null, null, schemaVersion, null, Json.parse(json), Metadata.EMPTY);
    }

    /** The dry run by its definition: every event read and upcast in position order. */
    private static DryRunReport fullScan(EventStore store, UpcasterChain chain) {
        Map<String, Map<Integer, Long>> stored = new TreeMap<>();
        Map<String, Map<Integer, Long>> upcasted = new TreeMap<>();
        List<UpcastFailure> failures = new ArrayList<>();
        long scanned = 0;
        long changed = 0;
        long failureCount = 0;
        for (EventEnvelope event : store.read(EventFilter.ALL, 1, Integer.MAX_VALUE, Direction.FORWARDS)) {
            scanned++;
            stored.computeIfAbsent(event.eventType(), t -> new TreeMap<>()).merge(event.schemaVersion(), 1L, Long::sum);
            try {
                EventEnvelope current = chain.upcast(event);
                if (current != event) {
                    changed++;
                }
                upcasted.computeIfAbsent(current.eventType(), t -> new TreeMap<>())
                        .merge(current.schemaVersion(), 1L, Long::sum);
            } catch (UpcastException e) {
                if (++failureCount <= UpcastDryRun.MAX_LISTED_FAILURES) {
                    failures.add(new UpcastFailure(event.position(), event.eventId(), event.eventType(),
                            event.schemaVersion(), e.upcaster(), e.reason()));
                }
            }
        }
        return new DryRunReport(scanned, changed, failureCount, stored, upcasted, failures, false);
    }
}
