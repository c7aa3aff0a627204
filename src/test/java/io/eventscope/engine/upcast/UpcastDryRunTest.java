package io.eventscope.engine.upcast;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.io.ProgressMonitor;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.InMemoryEventStore;
import io.eventscope.shop.upcast.ShopUpcasters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpcastDryRunTest {
    private final InMemoryEventStore store = new InMemoryEventStore();

    private void append(String stream, String type, int schemaVersion, String json) {
        store.append(stream, ExpectedVersion.ANY, List.of(
                new NewEvent(null, type, null, null, schemaVersion, null, Json.parse(json), null)));
    }

    @Test
    void countsTypesAndVersionsAndListsEveryFailureWithoutStopping() {
        append("order-o1", "OrderCreated", 1, "{\"orderId\":\"o1\",\"userId\":\"bob\",\"items\":[],\"total\":5}");
        append("order-o2", "OrderCreated", 1, "{\"orderId\":\"o2\",\"items\":[],\"total\":5}");
        append("order-o3", "OrderCreated", 3, "{\"orderId\":\"o3\",\"userId\":\"x\",\"items\":[],\"amount\":5,\"currency\":\"EUR\"}");
        append("payment-p1", "PaymentProcessed", 1, "{\"paymentId\":\"p1\",\"orderId\":\"o1\",\"total\":\"five\"}");
        append("payment-p2", "PaymentProcessed", 1, "{\"paymentId\":\"p2\",\"orderId\":\"o3\",\"total\":5.00}");
        String before = Json.write(store.read(EventFilter.ALL, 1, 10,
                Direction.FORWARDS).stream().map(e -> e.data()).toList());

        DryRunReport report = new UpcastDryRun(store, ShopUpcasters.chain()).run(ProgressMonitor.NONE);

        assertThat(report.scanned()).isEqualTo(5);
        assertThat(report.changed()).isEqualTo(2);
        assertThat(report.failureCount()).isEqualTo(2);
        assertThat(report.stored()).isEqualTo(Map.of(
                "OrderCreated", Map.of(1, 2L, 3, 1L), "PaymentProcessed", Map.of(1, 2L)));
        assertThat(report.upcasted()).isEqualTo(Map.of(
                "OrderCreated", Map.of(3, 2L), "PaymentCaptured", Map.of(2, 1L)));
        assertThat(report.failures()).extracting(UpcastFailure::position).containsExactly(2L, 4L);
        assertThat(report.failures().get(0).upcaster()).isEqualTo("OrderCreated v1 -> v2");
        assertThat(report.failures().get(0).message()).contains("'userId'");
        assertThat(report.failures().get(1).upcaster()).isEqualTo("PaymentProcessed v1 -> PaymentCaptured v2");
        assertThat(report.failures().get(1).message()).contains("numeric 'total'").contains("string");
        assertThat(report.cancelled()).isFalse();
        assertThat(Json.write(store.read(EventFilter.ALL, 1, 10,
                Direction.FORWARDS).stream().map(e -> e.data()).toList())).isEqualTo(before);
    }

    @Test
    void reportsProgressOverTheEventsItReadsAndStopsWhenCancelled() {
        for (int i = 0; i < 5_000; i++) {
            append("order-o" + i, "OrderCreated", 3, "{\"orderId\":\"o1\",\"userId\":\"x\",\"items\":[],\"amount\":5,\"currency\":\"EUR\"}");
            append("payment-p" + i, "PaymentProcessed", 1, "{\"paymentId\":\"p\",\"orderId\":\"o\",\"total\":5.00}");
        }
        List<Long> progress = new ArrayList<>();
        ProgressMonitor cancelAfterFirstPage = new ProgressMonitor() {
            public void progress(long done, long total) {
                assertThat(total).isEqualTo(5_000); // only the PaymentProcessed v1 events need reading
                progress.add(done);
            }

            public boolean isCancelled() {
                return !progress.isEmpty();
            }
        };

        DryRunReport report = new UpcastDryRun(store, ShopUpcasters.chain()).run(cancelAfterFirstPage);

        assertThat(report.cancelled()).isTrue();
        assertThat(report.scanned()).isLessThan(5_000).isEqualTo(progress.get(0));
        assertThat(report.stored()).isEqualTo(Map.of("PaymentProcessed", Map.of(1, report.scanned())));
        progress.clear();
        DryRunReport whole = new UpcastDryRun(store, ShopUpcasters.chain()).run(new ProgressMonitor() {
            public void progress(long done, long total) {
                progress.add(done);
            }

            public boolean isCancelled() {
                return false;
            }
        });
        assertThat(progress).last().isEqualTo(5_000L);
        assertThat(whole.scanned()).isEqualTo(10_000);
        assertThat(whole.changed()).isEqualTo(5_000);
        assertThat(whole.cancelled()).isFalse();
    }
}
