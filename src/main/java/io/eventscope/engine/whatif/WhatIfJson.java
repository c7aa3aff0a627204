package io.eventscope.engine.whatif;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventscope.engine.event.Json;

/** A what-if result as one JSON document, as the command line prints it. */
public final class WhatIfJson {
    private WhatIfJson() {
    }

    public static ObjectNode of(WhatIfResult result) {
        ObjectNode out = Json.object();
        ObjectNode fork = out.putObject("fork").put("position", result.fork().position());
        Change change = result.fork().change();
        if (change instanceof Change.Skip skip) {
            fork.put("change", "skip").put("eventId", skip.eventId());
        } else if (change instanceof Change.Replace replace) {
            fork.put("change", "replace").put("eventId", replace.eventId()).set("data", replace.data());
        } else if (change instanceof Change.Insert insert) {
            fork.put("change", "insert").put("commandType", insert.command().commandType())
                    .set("payload", insert.command().payload());
        } else {
            fork.put("change", "keep");
        }
        ObjectNode scope = fork.putObject("scope");
        scope.put("correlationId", result.fork().scope().correlationId());
        result.streams().forEach(scope.putArray("streams")::add);
        out.put("differs", result.differs());
        ArrayNode outcomes = out.putArray("outcomes");
        for (CommandOutcome o : result.outcomes()) {
            ObjectNode row = outcomes.addObject()
                    .put("commandId", o.command().commandId())
                    .put("commandType", o.command().commandType())
                    .put("streamId", o.streamId())
                    .put("verdict", o.verdict().name());
            row.set("original", o.original() == null ? null : decided(o.original()));
            row.set("branch", o.branch() == null ? null : decided(o.branch()));
            row.set("diff", o.diff());
        }
        ArrayNode states = out.putArray("states");
        for (StateComparison s : result.states()) {
            ObjectNode row = states.addObject().put("streamId", s.streamId()).put("foldedBy", s.foldedBy())
                    .put("differs", s.differs());
            row.set("original", s.original());
            row.set("branch", s.branch());
            row.set("diff", s.diff());
        }
        result.notes().forEach(out.putArray("notes")::add);
        return out;
    }

    private static ObjectNode decided(Decided d) {
        ObjectNode out = Json.object().put("accepted", d.accepted()).put("reason", d.reason());
        out.set("events", d.eventsJson());
        return out;
    }
}
