package io.eventscope.app.sagas;

import static io.eventscope.app.FxWait.fx;
import static io.eventscope.app.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.app.FxToolkitStarted;
import io.eventscope.app.Navigation;
import io.eventscope.app.Notices;
import io.eventscope.app.TaskExecutor;
import io.eventscope.app.TestWorkspace;
import io.eventscope.app.ViewEntry;
import io.eventscope.app.Workspace;
import io.eventscope.app.events.CausationItem;
import io.eventscope.app.events.EventsViewModel;
import io.eventscope.app.timeline.TimelineViewModel;
import io.eventscope.engine.domain.Engine;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.saga.SagaStatus;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.domain.InMemoryCommandJournal;
import io.eventscope.engine.io.ProgressMonitor;
import io.eventscope.engine.io.StoreCopy;
import io.eventscope.engine.store.InMemoryEventStore;
import io.eventscope.shop.Shop;
import io.eventscope.shop.saga.SagaRecord;
import io.eventscope.shop.saga.SagaRecords;
import io.eventscope.shop.saga.SagaStepRecord;
import io.eventscope.shop.saga.StepKind;
import io.eventscope.shop.upcast.ShopUpcasters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The Sagas view's logic without a window: a batch run through the view model, its outcomes, filter, steps, links and cancel. */
@ExtendWith(FxToolkitStarted.class)
class SagasViewModelTest {
    @TempDir
    Path home;

    private final Notices notices = new Notices();
    private TaskExecutor tasks;
    private Navigation navigation;
    private EventsViewModel events;
    private TimelineViewModel timeline;
    private SagasViewModel model;
    private Engine engine;
    private Workspace workspace;

    @BeforeEach
    void setUp() {
        tasks = new TaskExecutor(notices);
        workspace = TestWorkspace.create(tasks, home, Shop.aggregateTypes(), ShopUpcasters.chain());
        navigation = new Navigation(List.of(new ViewEntry("sagas", "Sagas", "mdi2s-sitemap", Object.class),
                new ViewEntry("events", "Events", "mdi2f-format-list-bulleted", Object.class),
                new ViewEntry("timeline", "Timeline", "mdi2t-timeline-clock-outline", Object.class)));
        model = fx(() -> {
            events = new EventsViewModel(workspace, tasks);
            timeline = new TimelineViewModel(workspace, tasks);
            SagasViewModel sagas = new SagasViewModel(workspace, tasks, navigation, events, timeline);
            workspace.show(new InMemoryEventStore(), "test");
            return sagas;
        });
        waitUntil(() -> fx(() -> workspace.engine()) != null);
        engine = fx(workspace::engine);
    }

    @AfterEach
    void tearDown() {
        fx(() -> {
            events.close();
            return null;
        });
        tasks.close();
    }

    @Test
    void a_batch_lists_its_sagas_with_the_outcomes_the_store_holds_filtered_by_outcome_with_the_selected_sagas_steps() {
        runBatch(40, 4, Map.of("payment", 0.4, "compensation", 0.0));

        List<SagaRecord> stored = SagaRecords.list(engine.openStore().store(), null);
        Map<SagaStatus, Long> byStatus = stored.stream().collect(Collectors.groupingBy(SagaRecord::status, Collectors.counting()));
        assertThat(stored).hasSize(40);
        assertThat(byStatus.get(SagaStatus.COMPENSATED)).isPositive();
        assertThat(byStatus.get(SagaStatus.COMPLETED)).isPositive();
        assertThat(fx(() -> model.outcomes().get())).isEqualTo(byStatus);
        assertThat(fx(() -> model.message().get())).isEqualTo("40 sagas stored: " + byStatus.get(SagaStatus.COMPLETED)
                + " completed, " + byStatus.get(SagaStatus.COMPENSATED) + " compensated, 0 need intervention");
        assertThat(fx(() -> List.copyOf(model.sagas()))).containsExactlyElementsOf(stored);
        assertThat(fx(() -> model.latencies().stream().mapToLong(LatencyBucket::sagas).sum())).isEqualTo(40L);
        assertThat(fx(() -> model.seed().get())).as("the next batch gets a seed of its own").isEqualTo(5);

        fx(() -> model.outcome().set(SagaStatus.COMPENSATED));
        List<SagaRecord> compensated = fx(() -> List.copyOf(model.sagas()));
        assertThat(compensated).hasSize(byStatus.get(SagaStatus.COMPENSATED).intValue())
                .allMatch(s -> s.status() == SagaStatus.COMPENSATED);

        SagaRecord saga = compensated.get(0);
        fx(() -> model.selected().set(saga));
        List<SagaStepRecord> steps = fx(() -> List.copyOf(model.steps()));
        assertThat(steps).isEqualTo(saga.steps());
        assertThat(steps.get(0).eventType()).isEqualTo("SagaStarted");
        assertThat(steps.get(steps.size() - 1).eventType()).isEqualTo("SagaCompensated");
        assertThat(steps).extracting(SagaStepRecord::kind).contains(StepKind.FAILURE, StepKind.COMPENSATION);

        fx(() -> model.outcome().set(null));
        assertThat(fx(() -> model.sagas().size())).isEqualTo(40);
    }

    @Test
    void the_causation_tree_of_a_selected_saga_holds_its_whole_run_from_the_order_command() {
        runBatch(3, 8, Map.of("payment", 1.0));
        SagaRecord saga = fx(() -> model.sagas().get(0));
        fx(() -> model.selected().set(saga));

        fx(model::openCausationTree);
        assertThat(fx(() -> navigation.selected().get().id())).isEqualTo("events");
        waitUntil(() -> fx(() -> events.causation().tree()).get() != null);
        CausationItem root = fx(() -> events.causation().tree().get());
        List<CausationItem> nodes = new ArrayList<>();
        collect(root, nodes);
        List<EventEnvelope> correlated = engine.openStore().store().read(EventFilter.correlation(saga.correlationId()), 1,
                10_000, Direction.FORWARDS);
        assertThat(root.children()).as("one root: every step leads back to the order's command")
                .extracting(CausationItem::type).containsExactly("CreateOrder");
        assertThat(nodes).extracting(CausationItem::id).containsAll(correlated.stream().map(EventEnvelope::eventId).toList())
                .containsAll(saga.steps().stream().map(SagaStepRecord::eventId).toList())
                .containsAll(engine.journal().byCorrelationId(saga.correlationId()).stream()
                        .map(e -> e.commandId()).toList());

        fx(model::openTimeline);
        assertThat(fx(() -> navigation.selected().get().id())).isEqualTo("timeline");
        waitUntil(() -> saga.streamId().equals(fx(() -> timeline.stream().streamId().get())));
    }

    @Test
    void a_compensation_that_keeps_failing_shows_its_saga_as_needing_intervention() {
        runBatch(4, 11, Map.of("payment", 1.0, "compensation", 1.0));

        assertThat(fx(() -> model.outcomes().get())).isEqualTo(Map.of(SagaStatus.NEEDS_INTERVENTION, 4L));
        fx(() -> model.outcome().set(SagaStatus.NEEDS_INTERVENTION));
        assertThat(fx(() -> model.sagas().size())).isEqualTo(4);
        SagaRecord stuck = fx(() -> model.sagas().get(0));
        SagaStepRecord last = stuck.steps().get(stuck.steps().size() - 1);
        assertThat(last.eventType()).isEqualTo("SagaNeedsIntervention");
        assertThat(last.detail()).contains("compensation of reserve failed");
    }

    @Test
    void a_cancelled_batch_stores_nothing() {
        fx(() -> {
            model.orders().set(20_000);
            model.run(false);
            model.cancel();
        });
        waitUntil(() -> !fx(() -> model.running().get()));

        assertThat(fx(() -> model.message().get())).isEqualTo("Cancelled: nothing was stored.");
        assertThat(engine.openStore().store().headPosition()).isZero();
        assertThat(engine.journal().count()).isZero();
        assertThat(fx(() -> model.sagas().size())).isZero();
    }

    @Test
    void a_saved_scenario_loads_back_with_its_knobs_and_a_bad_one_is_refused_naming_file_and_field() throws Exception {
        Path file = home.resolve("flaky.json");
        fx(() -> {
            model.failure("payment").set(0.25);
            model.failure("shipping").set(0.125);
            model.save(file);
        });
        waitUntil(() -> fx(() -> model.message().get()).equals("Scenario saved to flaky.json"));
        fx(() -> {
            model.failure("payment").set(0);
            model.failure("shipping").set(0);
            model.load(file);
        });
        waitUntil(() -> fx(() -> model.message().get()).startsWith("Scenario 'default' loaded from flaky.json"));
        assertThat(fx(() -> model.failure("payment").get())).isEqualTo(0.25);
        assertThat(fx(() -> model.failure("shipping").get())).isEqualTo(0.125);

        Path bad = home.resolve("bad.json");
        Files.writeString(bad, "{\"services\": {\"payment\": {\"latencyMs\": {\"min\": -5}}}}");
        fx(() -> model.load(bad));
        waitUntil(() -> !fx(() -> List.copyOf(notices.posted())).isEmpty());
        assertThat(fx(() -> notices.posted().get(0).text()))
                .contains(bad + ": services.payment.latencyMs.min must not be negative, was -5");
        assertThat(fx(() -> model.failure("payment").get())).as("the knobs stay as they were").isEqualTo(0.25);
    }

    @Test
    void a_store_opened_while_another_view_shows_is_listed_once_the_sagas_view_is_shown() {
        runBatch(6, 2, Map.of());
        InMemoryEventStore copy = new InMemoryEventStore();
        new StoreCopy(engine.openStore().store(), engine.journal(), copy, new InMemoryCommandJournal())
                .copy(ProgressMonitor.NONE);
        fx(() -> {
            navigation.show("events");
            workspace.show(copy, "copy");
            return null;
        });
        waitUntil(() -> fx(() -> workspace.eventStore()) == copy);
        assertThat(fx(() -> model.sagas().size())).isZero();

        fx(() -> {
            navigation.show("sagas");
            return null;
        });
        waitUntil(() -> fx(() -> model.sagas().size()) == 6);
    }

    private void runBatch(int orders, long seed, Map<String, Double> failures) {
        fx(() -> {
            model.orders().set(orders);
            model.seed().set(seed);
            failures.forEach((knob, p) -> model.failure(knob).set(p));
            model.run(false);
        });
        waitUntil(() -> fx(() -> model.message().get()).startsWith(orders + " sagas stored"));
        assertThat(fx(() -> model.running().get())).isFalse();
    }

    private static void collect(CausationItem node, List<CausationItem> into) {
        into.add(node);
        node.children().forEach(child -> collect(child, into));
    }
}
