package io.eventscope.app.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.engine.timeline.Frame;
import java.util.ArrayList;
import java.util.List;

/** One line of the diff pane: what the current event did to one field, with the value before and after. */
public record ChangeRow(String op, String path, String before, String after) {

    static List<ChangeRow> of(Frame frame) {
        List<ChangeRow> rows = new ArrayList<>();
        for (JsonNode op : frame.changes()) {
            String path = op.path("path").asText();
            String kind = op.path("op").asText();
            // The diff writes a new value equal to an existing one as a copy; to a person it is an add.
            if (kind.equals("copy")) {
                kind = "add";
            }
            String from = kind.equals("move") ? op.path("from").asText() : path;
            // An add has no before and a remove no after, even where array items moved into the spot.
            JsonNode before = kind.equals("add") ? null : frame.before().at(from);
            JsonNode after = kind.equals("remove") ? null : frame.state().at(path);
            rows.add(new ChangeRow(kind, from.equals(path) ? path : from + " → " + path,
                    ValueText.of(before), ValueText.of(after)));
        }
        return rows;
    }
}
