package io.eventscope.app.versions;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.app.versions.JsonLine.Change;
import io.eventscope.engine.event.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Pretty-prints a JSON tree line by line, each line knowing the JSON pointer (RFC 6901) of the
 * value it shows, so a diff's paths can colour exactly the lines they touch. A marked
 * container colours everything inside it.
 */
final class JsonLines {
    private static final String INDENT = "  ";

    private JsonLines() {
    }

    /** The lines of {@code root}; {@code marks} maps JSON pointers to how that value changed. */
    static List<JsonLine> render(JsonNode root, Map<String, Change> marks) {
        List<JsonLine> lines = new ArrayList<>();
        write(lines, root, "", null, 0, false, marks, Change.SAME);
        return lines;
    }

    private static void write(List<JsonLine> out, JsonNode node, String pointer, String key, int depth,
                              boolean comma, Map<String, Change> marks, Change inherited) {
        Change change = marks.getOrDefault(pointer, inherited);
        String indent = INDENT.repeat(depth);
        String prefix = indent + (key == null ? "" : Json.write(key) + ": ");
        String end = comma ? "," : "";
        if (!node.isContainerNode() || node.isEmpty()) {
            out.add(new JsonLine(prefix + Json.write(node) + end, change));
            return;
        }
        out.add(new JsonLine(prefix + (node.isObject() ? "{" : "["), change));
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                write(out, field.getValue(), pointer + "/" + escape(field.getKey()), field.getKey(), depth + 1,
                        fields.hasNext(), marks, change);
            }
        } else {
            for (int i = 0; i < node.size(); i++) {
                write(out, node.get(i), pointer + "/" + i, null, depth + 1, i < node.size() - 1, marks, change);
            }
        }
        out.add(new JsonLine(indent + (node.isObject() ? "}" : "]") + end, change));
    }

    /** A key as a JSON pointer token: {@code ~} and {@code /} escaped. */
    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
