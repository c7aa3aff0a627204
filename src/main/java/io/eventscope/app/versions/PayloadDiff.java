package io.eventscope.app.versions;

import com.flipkart.zjsonpatch.DiffFlags;
import com.flipkart.zjsonpatch.JsonDiff;
import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.app.versions.JsonLine.Change;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.upcast.VersionedPayload;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Two shapes of one event's payload side by side: both pretty-printed with the lines the
 * change touches marked, and the change itself in words, from an RFC 6902 diff (zjsonpatch).
 */
public record PayloadDiff(List<JsonLine> before, List<JsonLine> after, List<String> changes) {
    /** Moves are kept (a renamed field reads as one move), copies are not (equal values are not a copy). */
    private static final EnumSet<DiffFlags> FLAGS = EnumSet.of(DiffFlags.OMIT_COPY_OPERATION);
    private static final int MAX_VALUE_CHARS = 80;

    public PayloadDiff {
        before = List.copyOf(before);
        after = List.copyOf(after);
        changes = List.copyOf(changes);
    }

    public static PayloadDiff between(VersionedPayload from, VersionedPayload to) {
        Map<String, Change> beforeMarks = new HashMap<>();
        Map<String, Change> afterMarks = new HashMap<>();
        List<String> changes = new ArrayList<>();
        if (!from.eventType().equals(to.eventType())) {
            changes.add("renamed the type " + from.eventType() + " to " + to.eventType());
        }
        for (JsonNode op : JsonDiff.asJson(from.data(), to.data(), FLAGS)) {
            String path = op.path("path").asText();
            String kind = op.path("op").asText();
            if (kind.equals("add")) {
                afterMarks.put(path, Change.ADDED);
                changes.add("added " + path + " = " + shortJson(op.get("value")));
            } else if (kind.equals("remove")) {
                beforeMarks.put(path, Change.REMOVED);
                changes.add("removed " + path);
            } else if (kind.equals("replace")) {
                beforeMarks.put(path, Change.CHANGED);
                afterMarks.put(path, Change.CHANGED);
                changes.add("changed " + path + " to " + shortJson(op.get("value")));
            } else if (kind.equals("move")) {
                String source = op.path("from").asText();
                beforeMarks.put(source, Change.REMOVED);
                afterMarks.put(path, Change.ADDED);
                changes.add("moved " + source + " to " + path);
            } else {
                changes.add(kind + " " + path);
            }
        }
        return new PayloadDiff(JsonLines.render(from.data(), beforeMarks), JsonLines.render(to.data(), afterMarks),
                changes);
    }

    /** The payload alone, nothing to compare it with. */
    public static PayloadDiff single(JsonNode data) {
        return new PayloadDiff(JsonLines.render(data, Map.of()), List.of(), List.of());
    }

    private static String shortJson(JsonNode value) {
        String text = Json.write(value);
        return text.length() <= MAX_VALUE_CHARS ? text : text.substring(0, MAX_VALUE_CHARS) + "…";
    }
}
