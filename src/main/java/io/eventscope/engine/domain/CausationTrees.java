package io.eventscope.engine.domain;

import io.eventscope.engine.store.LogPages;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.EventStore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The causation trees of a correlation: commands from the journal (rejected ones included)
 * and events from the store, each under what caused it. A node whose cause is not part of
 * the correlation (a root command, or events imported without their command) is a root.
 */
public final class CausationTrees {
    private static final Comparator<CausationNode> CHRONOLOGICAL = Comparator
            .comparing(CausationNode::timestamp)
            .thenComparingLong(n -> n.isCommand() ? Long.MIN_VALUE : n.event().position());

    private final EventStore store;
    private final CommandJournal journal;

    public CausationTrees(EventStore store, CommandJournal journal) {
        this.store = store;
        this.journal = journal;
    }

    /** The roots, oldest first; usually one command. */
    public List<CausationNode> of(String correlationId) {
        Map<String, JournalEntry> commands = new LinkedHashMap<>();
        journal.byCorrelationId(correlationId).forEach(c -> commands.put(c.commandId(), c));
        Map<String, EventEnvelope> events = new LinkedHashMap<>();
        for (EventEnvelope e : eventsOf(correlationId)) {
            events.put(e.eventId(), e);
        }
        Map<String, List<String>> childrenOf = new HashMap<>();
        List<String> roots = new ArrayList<>();
        commands.values().forEach(c -> link(c.commandId(), c.command().causationId(), commands, events, childrenOf, roots));
        events.values().forEach(e -> link(e.eventId(), e.causationId(), commands, events, childrenOf, roots));
        return build(roots, commands, events, childrenOf);
    }

    private List<EventEnvelope> eventsOf(String correlationId) {
        return LogPages.all(store, EventFilter.correlation(correlationId));
    }

    private static void link(String id, String causationId, Map<String, JournalEntry> commands,
                             Map<String, EventEnvelope> events, Map<String, List<String>> childrenOf, List<String> roots) {
        boolean causeKnown = causationId != null && !causationId.equals(id)
                && (commands.containsKey(causationId) || events.containsKey(causationId));
        if (causeKnown) {
            childrenOf.computeIfAbsent(causationId, k -> new ArrayList<>()).add(id);
        } else {
            roots.add(id);
        }
    }

    /** Builds bottom-up with an explicit stack: a chain of reactions can be far deeper than the call stack. */
    private static List<CausationNode> build(List<String> roots, Map<String, JournalEntry> commands,
                                             Map<String, EventEnvelope> events, Map<String, List<String>> childrenOf) {
        Map<String, CausationNode> built = new HashMap<>();
        Deque<String> pending = new ArrayDeque<>(roots);
        while (!pending.isEmpty()) {
            String id = pending.peek();
            List<String> childIds = childrenOf.getOrDefault(id, List.of());
            List<String> missing = childIds.stream().filter(c -> !built.containsKey(c)).toList();
            if (!missing.isEmpty()) {
                missing.forEach(pending::push);
                continue;
            }
            pending.pop();
            List<CausationNode> children = new ArrayList<>(childIds.size());
            childIds.forEach(c -> children.add(built.get(c)));
            children.sort(CHRONOLOGICAL);
            JournalEntry command = commands.get(id);
            built.put(id, new CausationNode(command, command == null ? events.get(id) : null, children));
        }
        List<CausationNode> nodes = new ArrayList<>(roots.size());
        roots.forEach(r -> nodes.add(built.get(r)));
        nodes.sort(CHRONOLOGICAL);
        return nodes;
    }
}
