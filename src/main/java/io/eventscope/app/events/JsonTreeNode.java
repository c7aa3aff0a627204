package io.eventscope.app.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A JSON document as the detail pane's tree shows it: a key, the value as text for leaves (a
 * short summary for objects and arrays), and the children. Built off the FX thread so the view
 * never touches Jackson.
 */
public record JsonTreeNode(String key, String value, List<JsonTreeNode> children) {

    public JsonTreeNode {
        children = List.copyOf(children);
    }

    public static JsonTreeNode of(String key, JsonNode json) {
        List<JsonTreeNode> children = new ArrayList<>();
        if (json.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                children.add(of(field.getKey(), field.getValue()));
            }
            return new JsonTreeNode(key, "{" + children.size() + "}", children);
        }
        if (json.isArray()) {
            for (int i = 0; i < json.size(); i++) {
                children.add(of("[" + i + "]", json.get(i)));
            }
            return new JsonTreeNode(key, "[" + children.size() + "]", children);
        }
        return new JsonTreeNode(key, json.isTextual() ? "\"" + json.asText() + "\"" : json.asText(), List.of());
    }

    /** The node at a key path below this one, e.g. {@code find("data", "orderId")}; null when absent. */
    public JsonTreeNode find(String... path) {
        JsonTreeNode node = this;
        for (String key : path) {
            node = node.children.stream().filter(c -> c.key.equals(key)).findFirst().orElse(null);
            if (node == null) {
                return null;
            }
        }
        return node;
    }
}
