package io.eventscope.app.timeline;

import io.eventscope.app.BackgroundWork;
import io.eventscope.app.NewestRequestWins;
import io.eventscope.app.StoreSession;
import io.eventscope.app.TaskExecutor;
import io.eventscope.app.Workspace;
import io.eventscope.engine.domain.Engine;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.timeline.CorrelationTimeline;
import io.eventscope.shop.order.Order;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Correlation mode: scrubs the global position across every stream one correlation ID touched,
 * showing each aggregate's state at that moment and the order's read-model row. Like the stream scrubber, one computation at a
 * time, newest request wins.
 */
public final class CorrelationViewModel {
    private static final String ORDER = Order.type().name();

    private final Workspace workspace;
    private final TaskExecutor tasks;

    private final StringProperty correlationQuery = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper correlationId = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper lastStep = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper step = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper shownStep = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyStringWrapper stepTitle = new ReadOnlyStringWrapper("");
    private final ObservableList<EventItem> events = FXCollections.observableArrayList();
    private final ObservableList<AggregateCard> aggregates = FXCollections.observableArrayList();

    private final OrderRowViewModel orderRow;
    private CorrelationTimeline timeline;
    private BiConsumer<String, Long> whatIfOpener = (stream, version) -> { };
    private String orderStream;
    private int generation;
    private final NewestRequestWins<Integer, List<AggregateCard>> steps;

    public CorrelationViewModel(Workspace workspace, TaskExecutor tasks) {
        this.workspace = workspace;
        this.tasks = tasks;
        this.steps = new NewestRequestWins<>(tasks, this::stepWork, this::showStep);
        this.orderRow = new OrderRowViewModel(workspace, tasks);
        workspace.session().addListener((obs, old, now) -> sessionChanged(now));
    }

    /** Loads the correlation typed in {@link #correlationQuery()}. */
    public void open() {
        open(correlationQuery.get());
    }

    /** Loads a correlation and shows its last step: every aggregate as the saga left it. */
    public void open(String id) {
        Engine engine = workspace.engine();
        String wantedId = id == null ? "" : id.trim();
        if (engine == null || wantedId.isEmpty()) {
            error.set(engine == null ? "No store is open" : "Type a correlation ID");
            return;
        }
        int gen = reset();
        correlationQuery.set(wantedId);
        tasks.run("Opening correlation " + wantedId, progress -> {
            if (engine.store().count(EventFilter.correlation(wantedId)) == 0) {
                return null;
            }
            return CorrelationTimeline.load(engine.store(), engine.timeTravel(), wantedId);
        }, loaded -> {
            if (gen != generation) {
                return;
            }
            if (loaded == null) {
                error.set("No events with correlation ID '" + wantedId + "'");
                return;
            }
            timeline = loaded;
            orderStream = loaded.events().stream().filter(e -> ORDER.equals(e.aggregateType()))
                    .map(EventEnvelope::streamId).findFirst().orElse(null);
            correlationId.set(wantedId);
            events.setAll(loaded.events().stream().map(EventItem::of).toList());
            lastStep.set(loaded.lastStep());
            jumpTo(loaded.lastStep());
        });
    }

    public void jumpTo(int newStep) {
        if (timeline == null) {
            return;
        }
        step.set(Math.max(0, Math.min(newStep, lastStep.get())));
        steps.request(step.get());
        orderRow.show(orderStream, timeline.positionAt(step.get()));
    }

    public void previous() {
        jumpTo(step.get() - 1);
    }

    public void next() {
        jumpTo(step.get() + 1);
    }

    /** Where "What if…" forks: the stream and version of an event. */
    public void setWhatIfOpener(BiConsumer<String, Long> opener) {
        whatIfOpener = opener;
    }

    /** Forks the past at the event of the step shown, a global position of the correlation (the What if window). */
    public void whatIf() {
        int at = shownStep.get();
        if (at >= 1 && at <= events.size()) {
            EventItem event = events.get(at - 1);
            whatIfOpener.accept(event.streamId(), event.version());
        }
    }

    private BackgroundWork<List<AggregateCard>> stepWork(int at) {
        CorrelationTimeline t = timeline;
        return progress -> t.statesAt(at).stream()
                .map(a -> new AggregateCard(a.state().streamId(), a.state().version(),
                        a.state().state().toPrettyString(),
                        a.changedHere() ? a.eventHere().eventType() : null))
                .toList();
    }

    private void showStep(int at, List<AggregateCard> cards) {
        CorrelationTimeline t = timeline;
        aggregates.setAll(cards);
        shownStep.set(at);
        stepTitle.set(at == 0 ? "Before the first event (position " + t.positionAt(0) + ")"
                : "Step " + at + " of " + t.lastStep() + " · position " + t.positionAt(at) + " · "
                + t.events().get(at - 1).eventType() + " in " + t.events().get(at - 1).streamId());
    }

    private void sessionChanged(StoreSession session) {
        reset();
        correlationQuery.set("");
    }

    private int reset() {
        timeline = null;
        orderStream = null;
        orderRow.clear();
        correlationId.set("");
        error.set("");
        events.clear();
        aggregates.clear();
        lastStep.set(0);
        step.set(0);
        shownStep.set(-1);
        stepTitle.set("");
        steps.forget();
        return ++generation;
    }

    public StringProperty correlationQuery() {
        return correlationQuery;
    }

    public ReadOnlyStringProperty correlationId() {
        return correlationId.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty error() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty lastStep() {
        return lastStep.getReadOnlyProperty();
    }

    /** The step asked for; 0 is just before the correlation's first event. */
    public ReadOnlyIntegerProperty step() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty shownStep() {
        return shownStep.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stepTitle() {
        return stepTitle.getReadOnlyProperty();
    }

    /** The correlation's events in position order; event i is step i + 1. */
    public ObservableList<EventItem> events() {
        return events;
    }

    public ObservableList<AggregateCard> aggregates() {
        return aggregates;
    }

    /** The order's read-model row at the step's position. */
    public OrderRowViewModel orderRow() {
        return orderRow;
    }

    public void close() {
        steps.forget();
        orderRow.close();
        generation++;
    }
}
