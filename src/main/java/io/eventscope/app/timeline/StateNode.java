package io.eventscope.app.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.engine.timeline.ChangedPaths;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One node of a state as the tree shows it: its key, its JSON pointer (what blame asks about),
 * the value as text (a size for objects and arrays), whether the current event changed it or
 * something inside it. Built off the FX thread so the view never touches Jackson.
 */
public record StateNode(String key, String pointer, String value, boolean changed, boolean leadsToChange,
                        List<StateNode> children) {

    public StateNode {
        children = List.copyOf(children);
    }

    public static StateNode of(JsonNode state, ChangedPaths changes) {
        return of("state", "", state, changes);
    }

    private static StateNode of(String key, String pointer, JsonNode json, ChangedPaths changes) {
        List<StateNode> children = new ArrayList<>();
        String value;
        if (json.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                children.add(of(field.getKey(), pointer + "/" + escape(field.getKey()), field.getValue(), changes));
            }
            value = "{" + children.size() + "}";
        } else if (json.isArray()) {
            for (int i = 0; i < json.size(); i++) {
                children.add(of("[" + i + "]", pointer + "/" + i, json.get(i), changes));
            }
            value = "[" + children.size() + "]";
        } else {
            value = ValueText.of(json);
        }
        return new StateNode(key, pointer, value, !pointer.isEmpty() && changes.changed(pointer),
                changes.leadsToChange(pointer), children);
    }

    /** RFC 6901: '~' and '/' inside a key are written ~0 and ~1. */
    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    /** The node at a pointer below this one, or null. */
    public StateNode find(String wanted) {
        if (pointer.equals(wanted)) {
            return this;
        }
        for (StateNode child : children) {
            StateNode found = child.find(wanted);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
