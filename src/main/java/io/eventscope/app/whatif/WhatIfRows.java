package io.eventscope.app.whatif;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.timeline.ChangedPaths;
import io.eventscope.engine.whatif.CommandOutcome;
import io.eventscope.engine.whatif.Decided;
import io.eventscope.engine.whatif.StateComparison;
import io.eventscope.engine.whatif.Verdict;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A what-if result as the rows the view shows; built off the FX thread (it reads JSON). */
final class WhatIfRows {
    private static final String NONE = "—";

    private WhatIfRows() {
    }

    static OutcomeRow outcome(CommandOutcome o) {
        return new OutcomeRow(o.command().commandType() + " " + o.command().commandId(), verdict(o),
                o.original() != null ? describe(o.original())
                        : o.verdict() == Verdict.REACTION ? "(not issued: a saga's new reaction)" : "(inserted)",
                o.branch() == null ? "(not issued: the saga took another path)" : describe(o.branch()),
                o.diff().isEmpty() ? "" : o.diff().toString());
    }

    private static String verdict(CommandOutcome o) {
        switch (o.verdict()) {
            case SAME:
                return "same";
            case NOW_REJECTED:
                return "now rejected";
            case NOW_ACCEPTED:
                return "now accepted";
            case DIFFERENT:
                return "different";
            case REACTION:
                return "saga reaction";
            case NOT_ISSUED:
                return "not issued";
            default:
                return "inserted";
        }
    }

    private static String describe(Decided d) {
        if (!d.accepted()) {
            return "rejected: " + d.reason();
        }
        return d.events().isEmpty() ? "accepted, no events"
                : "accepted: " + d.events().stream().map(EventEnvelope::eventType).collect(Collectors.joining(", "));
    }

    /** Every leaf field of both states, the ones that differ marked. */
    static List<StateRow> states(StateComparison s) {
        Map<String, String> original = new TreeMap<>();
        Map<String, String> branch = new TreeMap<>();
        flatten(s.original(), "", original);
        flatten(s.branch(), "", branch);
        TreeMap<String, Boolean> fields = new TreeMap<>();
        original.keySet().forEach(f -> fields.put(f, true));
        branch.keySet().forEach(f -> fields.put(f, true));
        ChangedPaths differing = s.differingFields();
        List<StateRow> rows = new ArrayList<>();
        for (String pointer : fields.keySet()) {
            rows.add(new StateRow(s.streamId(), pointer.isEmpty() ? "(state)" : pointer.substring(1).replace('/', '.'),
                    original.getOrDefault(pointer, NONE), branch.getOrDefault(pointer, NONE),
                    differing.changed(pointer)));
        }
        return rows;
    }

    private static void flatten(JsonNode node, String pointer, Map<String, String> out) {
        if (node.isObject() && !node.isEmpty()) {
            for (Iterator<Map.Entry<String, JsonNode>> f = node.fields(); f.hasNext(); ) {
                Map.Entry<String, JsonNode> field = f.next();
                flatten(field.getValue(), pointer + "/" + field.getKey(), out);
            }
        } else if (node.isArray() && !node.isEmpty()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(node.get(i), pointer + "/" + i, out);
            }
        } else {
            out.put(pointer, node.toString());
        }
    }
}
