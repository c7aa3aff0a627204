package io.eventscope.app.versions;

import static io.eventscope.app.FxWait.fx;
import static io.eventscope.app.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.app.FxToolkitStarted;
import io.eventscope.app.Notices;
import io.eventscope.app.TaskExecutor;
import io.eventscope.app.TestWorkspace;
import io.eventscope.app.Workspace;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.Metadata;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.InMemoryEventStore;
import io.eventscope.engine.upcast.GoldenFixture;
import io.eventscope.engine.upcast.UpcasterChain;
import io.eventscope.shop.upcast.ShopUpcasters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The Versions view's logic without a window: paging through a version's events, cancel, fixtures. */
@ExtendWith(FxToolkitStarted.class)
class VersionsViewModelTest {
    @TempDir
    Path home;

    private final UpcasterChain chain = ShopUpcasters.chain();
    private TaskExecutor tasks;
    private Workspace workspace;
    private VersionsViewModel model;

    @BeforeEach
    void setUp() {
        tasks = new TaskExecutor(new Notices());
        workspace = TestWorkspace.create(tasks, home, List.of(), chain);
        model = fx(() -> new VersionsViewModel(workspace, tasks, chain, new Notices()));
    }

    @AfterEach
    void tearDown() {
        tasks.close();
    }

    @Test
    void theEventsOfAVersionArriveAPageAtATimeSkippingOtherVersions() {
        EventStore store = new InMemoryEventStore();
        for (int i = 1; i <= 450; i++) {
            store.append("order-a" + i, ExpectedVersion.NO_STREAM, List.of(order("a" + i, 1)));
            store.append("order-b" + i, ExpectedVersion.NO_STREAM, List.of(order("b" + i, 3)));
        }
        show(store);
        fx(model::activate);
        waitUntil(() -> fx(() -> model.versions().size()) == 2);
        VersionCount v1 = fx(() -> model.versions().get(0));
        assertThat(v1).isEqualTo(new VersionCount("OrderCreated", 1, 450, "OrderCreated v3"));

        fx(() -> model.selectedVersion().set(v1));
        waitUntil(() -> fx(() -> model.events().size()) == VersionsViewModel.EVENT_PAGE);
        assertThat(fx(() -> model.moreEvents().get())).isTrue();
        fx(model::loadMoreEvents);
        waitUntil(() -> fx(() -> model.events().size()) == 2 * VersionsViewModel.EVENT_PAGE);
        fx(model::loadMoreEvents);
        waitUntil(() -> fx(() -> model.events().size()) == 450);
        waitUntil(() -> !fx(() -> model.moreEvents().get()));

        List<EventListing> listed = fx(() -> List.copyOf(model.events()));
        assertThat(listed).extracting(EventListing::streamId).allMatch(s -> s.startsWith("order-a")).doesNotHaveDuplicates();
        assertThat(listed).extracting(EventListing::position).isSorted();
        assertThat(listed.get(449).streamId()).isEqualTo("order-a450");
    }

    @Test
    void aCancelledDryRunSaysSoAndRunsAgainOnRequest() {
        EventStore store = new InMemoryEventStore();
        for (int i = 1; i <= 5_000; i++) {
            store.append("order-" + i, ExpectedVersion.NO_STREAM, List.of(order("o" + i, 1)));
        }
        show(store);

        // More than one page, so the run meets the request at a page boundary however soon it starts.
        fx(() -> {
            model.activate(); // starts the dry run
            model.cancelDryRun();
        });
        waitUntil(() -> !fx(() -> model.dryRunning().get()));
        assertThat(fx(() -> model.summary().get())).startsWith("Cancelled after ").doesNotStartWith("Cancelled after 5,000");

        fx(model::runDryRun);
        waitUntil(() -> fx(() -> model.summary().get()).equals("5,000 events · 5,000 upcasted · 0 failures"));
        assertThat(fx(() -> model.dryRunProgress().get())).isEqualTo(1.0);
    }

    @Test
    void theSelectedEventIsExportedAsAGoldenFixtureThatLoadsBackWithItsSteps() throws Exception {
        EventStore store = new InMemoryEventStore();
        store.append("order-x", ExpectedVersion.NO_STREAM, List.of(order("x", 1)));
        show(store);
        fx(model::activate);
        waitUntil(() -> fx(() -> model.versions().size()) == 1);
        fx(() -> model.selectedVersion().set(model.versions().get(0)));
        waitUntil(() -> fx(() -> model.events().size()) == 1);
        fx(() -> model.selectedEvent().set(model.events().get(0)));
        waitUntil(() -> fx(() -> model.comparison().get()) != null);

        Path file = home.resolve("fixture.json");
        fx(() -> model.exportFixture(file));
        waitUntil(() -> Files.exists(file));
        waitUntil(() -> {
            try {
                return GoldenFixture.read(file) != null;
            } catch (RuntimeException stillWriting) {
                return false;
            }
        });

        GoldenFixture fixture = GoldenFixture.read(file);
        assertThat(fixture.stored().schemaVersion()).isEqualTo(1);
        assertThat(fixture.stored().data().get("total").decimalValue()).isEqualByComparingTo("25.00");
        assertThat(fixture.steps()).extracting(s -> s.upcaster())
                .containsExactly("OrderCreated v1 -> v2", "OrderCreated v2 -> v3");
        assertThat(fixture.upcasted().schemaVersion()).isEqualTo(3);
        assertThat(fixture.upcasted().data().get("currency").asText()).isEqualTo("EUR");
        assertThat(fixture.description()).contains("OrderCreated v1 becomes OrderCreated v3", "stream order-x");
    }

    private static NewEvent order(String id, int schemaVersion) {
        String payload = schemaVersion == 1
                ? "{\"orderId\":\"" + id + "\",\"userId\":\"alice\",\"items\":[],\"total\":25.00}"
                : "{\"orderId\":\"" + id + "\",\"userId\":\"alice\",\"items\":[],\"amount\":25.00,\"currency\":\"EUR\","
                + "\"shippingAddress\":{\"street\":\"s\",\"city\":\"c\",\"postalCode\":\"p\",\"country\":\"FR\"}}";
        return new NewEvent(null, "OrderCreated", null, null, schemaVersion, null, Json.parse(payload),
                Metadata.of("alice", "corr-" + id, null));
    }

    private void show(EventStore store) {
        fx(() -> workspace.show(store, "test"));
        waitUntil(() -> fx(() -> workspace.engine()) != null);
    }
}
