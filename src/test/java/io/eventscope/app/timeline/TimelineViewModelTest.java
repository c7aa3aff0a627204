package io.eventscope.app.timeline;

import static io.eventscope.app.FxWait.fx;
import static io.eventscope.app.FxWait.waitUntil;
import io.eventscope.engine.upcast.UpcasterChain;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.app.FxToolkitStarted;
import io.eventscope.app.Notices;
import io.eventscope.app.TaskExecutor;
import io.eventscope.app.TestWorkspace;
import io.eventscope.app.Workspace;
import io.eventscope.engine.store.EventStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The scrubber's logic without a window: versions, highlighted changes, playback, breakpoints, blame, correlation. */
@ExtendWith(FxToolkitStarted.class)
class TimelineViewModelTest {
    @TempDir
    Path home;

    private TaskExecutor tasks;
    private Workspace workspace;
    private TimelineViewModel model;
    private final EventStore store = Parcels.store();

    @BeforeEach
    void setUp() {
        tasks = new TaskExecutor(new Notices());
        workspace = TestWorkspace.create(tasks, home, List.of(), UpcasterChain.EMPTY);
        model = fx(() -> new TimelineViewModel(workspace, tasks));
        fx(() -> {
            workspace.show(store, "test");
            return null;
        });
        waitUntil(() -> fx(() -> workspace.engine()) != null);
    }

    @AfterEach
    void tearDown() {
        fx(() -> {
            model.close();
            return null;
        });
        tasks.close();
    }

    private void open(String stream, long version) {
        fx(() -> {
            model.openStream(stream, version);
            return null;
        });
    }

    private void act(Runnable action) {
        fx(() -> {
            action.run();
            return null;
        });
    }

    private void waitForVersion(long version) {
        waitUntil(() -> fx(() -> model.scrubber().shownVersion().get() == version && model.scrubber().position().get() == version));
    }

    private String value(String pointer) {
        return fx(() -> {
            StateNode node = model.scrubber().state().get().find(pointer);
            return node == null ? null : node.value();
        });
    }

    private boolean changed(String pointer) {
        return fx(() -> model.scrubber().state().get().find(pointer).changed());
    }

    @Test
    void opensAStreamWithoutADeciderAndStepsThroughItsVersions() {
        open("parcel-1", Long.MAX_VALUE);
        waitForVersion(Parcels.LENGTH);

        assertThat(fx(() -> model.scrubber().length().get())).isEqualTo(Parcels.LENGTH);
        assertThat(fx(() -> model.stream().foldedBy().get())).isEqualTo("generic JSON merge (no decider)");
        assertThat(fx(() -> model.stream().events().size())).isEqualTo(30);
        assertThat(value("/status")).isEqualTo("\"LOST\"");

        act(model::first);
        waitForVersion(0);
        assertThat(fx(() -> model.scrubber().state().get().children())).isEmpty();
        assertThat(fx(() -> model.scrubber().eventTitle().get())).isEqualTo("v0 · initial state");

        act(model::next);
        waitForVersion(1);
        assertThat(value("/status")).isEqualTo("\"REGISTERED\"");
        act(model::bigNext);
        waitForVersion(11);
        assertThat(value("/weight")).isEqualTo("1100");
        act(model::previous);
        waitForVersion(10);
        assertThat(value("/weight")).isEqualTo("1000");
        act(model::bigPrevious);
        act(model::bigPrevious);
        waitForVersion(0);
        act(model::last);
        waitForVersion(30);
        act(() -> model.jumpTo(99));
        waitForVersion(30);
    }

    @Test
    void opensTheStreamOfAnEventAtAGlobalPositionAtThatEvent() {
        act(() -> model.openEvent(22));

        waitForVersion(21);
        assertThat(fx(() -> model.stream().streamId().get())).isEqualTo("parcel-1");
        assertThat(fx(() -> model.scrubber().eventTitle().get())).startsWith("v21 · ItemRemoved");

        act(() -> model.openEvent(999));
        waitUntil(() -> fx(() -> model.stream().streamError().get()).equals("No event at position 999"));
    }

    @Test
    void highlightsWhatTheShownEventChangedAndListsItInTheDiff() {
        open("parcel-1", 21);
        waitForVersion(21);

        assertThat(fx(() -> model.scrubber().eventTitle().get())).isEqualTo("v21 · ItemRemoved · 2026-03-01 08:05:00.000");
        assertThat(changed("/items/0")).isTrue();
        assertThat(changed("/weight")).isFalse();
        assertThat(changed("/status")).isFalse();
        assertThat(fx(() -> model.scrubber().state().get().find("/items").leadsToChange())).isTrue();
        assertThat(fx(() -> List.copyOf(model.scrubber().changes()))).containsExactly(
                new ChangeRow("remove", "/items/0", "\"lamp\"", "—"));

        act(() -> model.jumpTo(22));
        waitForVersion(22);
        assertThat(changed("/status")).isTrue();
        assertThat(changed("/trackingNumber")).isTrue();
        assertThat(changed("/items/0")).isFalse();
    }

    @Test
    void playbackStopsAtAnEventTypeBreakpoint() {
        open("parcel-1", 0);
        waitForVersion(0);
        act(() -> {
            model.breakpoints().addTypeBreakpoint("ParcelShipped");
            model.playback().speed().set(16);
            model.playback().play();
        });

        waitUntil(() -> fx(() -> !model.playback().playing().get() && model.scrubber().shownVersion().get() == 22));
        assertThat(fx(() -> model.playback().status().get())).isEqualTo("Stopped at v22: event ParcelShipped");
        assertThat(value("/status")).isEqualTo("\"SHIPPED\"");
        assertThat(fx(() -> model.scrubber().position().get())).isEqualTo(22);
    }

    @Test
    void playbackStopsWhereAConditionBecomesTrue() {
        open("parcel-1", 3);
        waitForVersion(3);
        act(() -> {
            model.breakpoints().conditionText().set("weight > 1500 && items.length == 2");
            assertThat(model.breakpoints().addConditionBreakpoint()).isTrue();
            model.playback().speed().set(16);
            model.playback().togglePlay();
        });

        waitUntil(() -> fx(() -> !model.playback().playing().get() && model.scrubber().shownVersion().get() == 16));
        assertThat(fx(() -> model.playback().status().get())).isEqualTo("Stopped at v16: when weight > 1500 && items.length == 2");
    }

    @Test
    void playbackWithoutBreakpointsRunsToTheEnd() {
        open("parcel-1", 0);
        waitForVersion(0);
        act(() -> {
            model.playback().speed().set(16);
            model.playback().realTime().set(true);
            model.playback().play();
        });

        waitUntil(() -> fx(() -> !model.playback().playing().get() && model.scrubber().shownVersion().get() == 30));
        assertThat(fx(() -> model.playback().status().get())).isEqualTo("Reached the end");
    }

    @Test
    void aBadConditionIsRefusedWithThePlaceOfTheProblem() {
        act(() -> {
            model.breakpoints().conditionText().set("status = \"LOST\"");
            assertThat(model.breakpoints().addConditionBreakpoint()).isFalse();
        });

        assertThat(fx(() -> model.breakpoints().conditionError().get()))
                .isEqualTo("column 8: expected '==' to compare, found a single '='\nstatus = \"LOST\"\n       ^");
        assertThat(fx(() -> model.breakpoints().breakpoints())).isEmpty();
    }

    @Test
    void blameNamesTheEventThatLastSetAFieldAndEveryChange() {
        open("parcel-1", 25);
        waitForVersion(25);
        act(() -> model.blame().blame("/status"));

        waitUntil(() -> fx(() -> model.blame().blameRows().size() == 2));
        assertThat(fx(() -> model.blame().blameSummary().get())).isEqualTo("Set by v22 ParcelShipped · 2 changes up to v25");
        assertThat(fx(() -> List.copyOf(model.blame().blameRows()))).containsExactly(
                new BlameRow(1, "ParcelRegistered", "—", "\"REGISTERED\""),
                new BlameRow(22, "ParcelShipped", "\"REGISTERED\"", "\"SHIPPED\""));

        open("parcel-1", 3);
        waitForVersion(3);
        assertThat(fx(() -> model.blame().blameSummary().get())).as("opening a stream forgets the blame")
                .isEqualTo("Select a field of the state to blame it");
        assertThat(fx(() -> model.blame().blameRows())).isEmpty();
    }

    @Test
    void anUnknownStreamIsNamedAndTheSearchBoxCompletesKnownOnes() {
        open("parcel-404", 0);
        waitUntil(() -> fx(() -> model.stream().streamError().get()).equals("No stream 'parcel-404' in this store"));
        assertThat(model.stream().suggest("")).as("streams are listed only when the search box is used").isEmpty();

        fx(() -> {
            model.stream().refreshStreams();
            return null;
        });
        waitUntil(() -> !model.stream().suggest("").isEmpty());
        assertThat(model.stream().suggest("PAR")).containsExactly("parcel-1");
        assertThat(model.stream().suggest("r")).containsExactly("courier-7", "depot-north", "parcel-1");
        assertThat(model.stream().suggest("de")).containsExactly("depot-north");
    }

    @Test
    void correlationModeShowsEveryAggregateTheCorrelationTouchedAtOnePosition() {
        CorrelationViewModel c = model.correlation();
        act(() -> c.open("route-1"));
        waitUntil(() -> fx(() -> c.shownStep().get() == 6));

        assertThat(fx(() -> c.aggregates().stream().map(AggregateCard::title).toList())).containsExactly(
                "parcel-1 · v30 · ← ParcelLost", "courier-7 · v1", "depot-north · v1");

        act(() -> c.jumpTo(3));
        waitUntil(() -> fx(() -> c.shownStep().get() == 3));
        List<AggregateCard> cards = fx(() -> List.copyOf(c.aggregates()));
        assertThat(cards).extracting(AggregateCard::version).containsExactly(21L, 1L, 0L);
        assertThat(cards.get(0).stateJson()).contains("\"weight\" : 2000").doesNotContain("lamp");
        assertThat(cards.get(0).changedHere()).isTrue();
        assertThat(fx(() -> c.stepTitle().get())).isEqualTo("Step 3 of 6 · position 22 · ItemRemoved in parcel-1");

        act(() -> c.open("nobody"));
        waitUntil(() -> fx(() -> c.error().get()).equals("No events with correlation ID 'nobody'"));
    }
}
