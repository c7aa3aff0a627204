package io.eventscope.app.events;

import static io.eventscope.app.FxWait.fx;
import static io.eventscope.app.FxWait.waitUntil;
import io.eventscope.engine.upcast.UpcasterChain;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.app.FxToolkitStarted;
import io.eventscope.app.Notices;
import io.eventscope.app.SampleEvents;
import io.eventscope.app.TaskExecutor;
import io.eventscope.app.TestWorkspace;
import io.eventscope.app.Workspace;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.Metadata;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.InMemoryEventStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The Events browser's logic, without a window: paging, filters, detail, live tail. */
@ExtendWith(FxToolkitStarted.class)
class EventsViewModelTest {
    @TempDir
    Path home;

    private TaskExecutor tasks;
    private Workspace workspace;
    private EventsViewModel model;

    @BeforeEach
    void setUp() {
        tasks = new TaskExecutor(new Notices());
        workspace = TestWorkspace.create(tasks, home, List.of(), UpcasterChain.EMPTY);
        model = fx(() -> new EventsViewModel(workspace, tasks));
    }

    @AfterEach
    void tearDown() {
        fx(() -> {
            model.close();
            return null;
        });
        tasks.close();
    }

    @Test
    void listsEveryEventAndReadsRowsPageByPageKeepingABoundedNumberInMemory() {
        int total = 25_000; // fifty pages: more than the list keeps
        List<NewEvent> events = new ArrayList<>();
        for (int i = 1; i <= total; i++) {
            events.add(NewEvent.of("Counted", Json.parse("{\"n\":" + i + "}"), Metadata.of("u", "c" + (i % 7), null)));
        }
        InMemoryEventStore stored = new InMemoryEventStore();
        stored.append("counter-1", ExpectedVersion.NO_STREAM, events);
        ReadsRecorded store = new ReadsRecorded(stored);
        show(store);
        waitUntil(() -> fx(() -> model.matches().get()).equals("25,000 events"));

        EventRow last = fx(() -> model.rows().get().get(total - 1));
        assertThat(last.position()).isEqualTo(total);
        waitUntil(last::isLoaded);
        assertThat(last.summary().get().version()).isEqualTo(total);
        assertThat(last.summary().get().correlationId()).isEqualTo("c" + (total % 7));
        int page = EventRowList.PAGE_SIZE;
        assertThat(pageReads(store)).containsExactly(new ReadsRecorded.Read(total - page + 1, page, Direction.FORWARDS));

        // Scrolling through the whole log reads each page once and drops the oldest from memory.
        for (int row = 0; row < total; row += page) {
            EventRow first = rowAt(row);
            waitUntil(first::isLoaded);
        }
        assertThat(pageReads(store)).hasSize(total / page + 1)
                .allSatisfy(r -> assertThat(r.limit()).isEqualTo(page));
        EventRow firstAgain = rowAt(0);
        waitUntil(firstAgain::isLoaded);
        assertThat(pageReads(store)).as("the first page, long scrolled past, was read again")
                .filteredOn(r -> r.fromPosition() == 1).hasSize(2);
    }

    /** Reads of the log other than the type picker's sample of its two ends. */
    private static List<ReadsRecorded.Read> pageReads(ReadsRecorded store) {
        return store.reads().stream().filter(r -> r.limit() != KnownTypes.TYPE_SAMPLE).toList();
    }

    private EventRow rowAt(int row) {
        return fx(() -> model.rows().get().get(row));
    }

    @Test
    void filtersCombineAndCountTheirMatches() {
        show(SampleEvents.shop(4));
        waitUntil(() -> fx(() -> model.matches().get()).equals("12 events"));

        fx(() -> {
            model.stream().set("order-");
            model.applyFilter();
            return null;
        });
        waitUntil(() -> fx(() -> model.matches().get()).equals("8 matches"));

        fx(() -> {
            model.selectedTypes().setAll("OrderPaid");
            model.text().set("PAID IN");
            return null;
        });
        waitUntil(() -> fx(() -> model.matches().get()).equals("4 matches"));
        assertThat(positions()).containsExactly(3L, 6L, 9L, 12L);

        fx(() -> {
            model.filterByCorrelation("corr-2");
            return null;
        });
        waitUntil(() -> fx(() -> model.matches().get()).equals("3 matches"));
        assertThat(positions()).containsExactly(4L, 5L, 6L);
        assertThat(fx(() -> model.stream().get())).isEmpty();
        assertThat(fx(() -> model.selectedTypes().isEmpty())).isTrue();
    }

    @Test
    void aTimeRangeThatEndsBeforeItStartsIsRefusedWithAReason() {
        show(SampleEvents.shop(1));
        waitUntil(() -> fx(() -> model.matches().get()).equals("3 events"));
        fx(() -> {
            model.from().set("2026-11-27");
            model.to().set("2026-11-26 10:00");
            model.applyFilter();
            return null;
        });
        assertThat(fx(() -> model.filterError().get())).isEqualTo("From must be before To");
        assertThat(fx(() -> model.rows().get().size())).isEqualTo(3);
    }

    @Test
    void theSelectedEventShowsAsATreeAndAsJson() {
        show(SampleEvents.shop(2));
        waitUntil(() -> fx(() -> model.matches().get()).equals("6 events"));
        fx(() -> {
            model.selected().set(model.rows().get().get(3));
            return null;
        });
        waitUntil(() -> fx(() -> model.detail().get()) != null);
        EventDetail detail = fx(() -> model.detail().get());
        assertThat(detail.position()).isEqualTo(4);
        assertThat(detail.tree().find("data", "total").value()).isEqualTo("20.50");
        assertThat(detail.tree().find("metadata", "correlationId").value()).isEqualTo("\"corr-2\"");
        assertThat(Json.parse(detail.json()).path("data").path("orderId").asText()).isEqualTo("o2");
    }

    @Test
    void revealingAnEventHiddenByTheFilterClearsTheFilterAndSelectsIt() {
        show(SampleEvents.shop(3));
        waitUntil(() -> fx(() -> model.matches().get()).equals("9 events"));
        fx(() -> {
            model.filterByCorrelation("corr-1");
            return null;
        });
        waitUntil(() -> fx(() -> model.matches().get()).equals("3 matches"));
        fx(() -> {
            model.reveal(8);
            return null;
        });
        waitUntil(() -> Integer.valueOf(7).equals(fx(() -> model.revealedRow().get())));
        assertThat(fx(() -> model.correlationId().get())).isEmpty();
        assertThat(fx(() -> model.matches().get())).isEqualTo("9 events");
    }

    @Test
    void liveEventsOnlyJoinWhenTheyMatchTheFilter() {
        EventStore store = SampleEvents.shop(2);
        show(store);
        waitUntil(() -> fx(() -> model.matches().get()).equals("6 events"));
        fx(() -> {
            model.filterByCorrelation("corr-3");
            return null;
        });
        waitUntil(() -> fx(() -> model.matches().get()).equals("0 matches"));
        SampleEvents.addOrder(store, 4);
        SampleEvents.addOrder(store, 3);
        waitUntil(() -> fx(() -> model.matches().get()).equals("3 matches"));
        assertThat(positions()).containsExactly(10L, 11L, 12L);
    }

    private void show(EventStore store) {
        fx(() -> {
            workspace.show(store, "test");
            return null;
        });
    }

    private List<Long> positions() {
        return fx(() -> model.rows().get().stream().map(EventRow::position).toList());
    }
}
