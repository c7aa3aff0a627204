package io.eventscope.app.events;

import io.eventscope.app.TaskExecutor;
import io.eventscope.engine.domain.Engine;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.LongConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The causation tree of a correlation: the command at the root (from the journal, rejected
 * ones too), every event and reaction under what caused it, and walking it up and down.
 * Selecting an event's node reveals that event in the log.
 */
public final class CausationTreeViewModel {
    private final TaskExecutor tasks;
    private final ReadOnlyObjectWrapper<CausationItem> tree = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<CausationItem> selected = new SimpleObjectProperty<>();
    private final Map<CausationItem, CausationItem> causes = new IdentityHashMap<>();

    CausationTreeViewModel(TaskExecutor tasks, LongConsumer revealEvent) {
        this.tasks = tasks;
        selected.addListener((obs, old, node) -> {
            if (node != null && node.isEvent()) {
                revealEvent.accept(node.position());
            }
        });
    }

    /** The tree of the followed correlation, null until one is followed. */
    public ReadOnlyObjectProperty<CausationItem> tree() {
        return tree.getReadOnlyProperty();
    }

    /** The selected node; selecting an event's node selects the event. */
    public ObjectProperty<CausationItem> selected() {
        return selected;
    }

    /** Builds a correlation's tree off the FX thread, then selects the node of {@code focusId} (a command or event id). */
    void build(Engine engine, String correlationId, String focusId) {
        tasks.run("Building the causation tree", progress ->
                CausationItem.correlation(correlationId, engine.causationTrees().of(correlationId)), built -> {
                    causes.clear();
                    linkCauses(built);
                    tree.set(built);
                    selected.set(causes.keySet().stream().filter(n -> n.id().equals(focusId))
                            .findFirst().orElse(null));
                });
    }

    void clear() {
        tree.set(null);
    }

    /** Selects what caused the selected node: one step up the tree. */
    public void walkToCause() {
        CausationItem cause = causes.get(selected.get());
        if (cause != null && cause != tree.get()) {
            selected.set(cause);
        }
    }

    /** Selects the first thing the selected node caused: one step down the tree. */
    public void walkToEffect() {
        CausationItem node = selected.get();
        if (node != null && !node.children().isEmpty()) {
            selected.set(node.children().get(0));
        }
    }

    private void linkCauses(CausationItem node) {
        for (CausationItem child : node.children()) {
            causes.put(child, node);
            linkCauses(child);
        }
    }
}
