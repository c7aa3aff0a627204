package io.eventscope.engine.whatif;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * Checks an edit of an event's data against the data as stored: the same fields, each of the
 * same JSON kind (a number stays a number, an object keeps its fields), array elements shaped
 * like the stored ones. A null may stand for any value and any value for a stored null. Every
 * mismatch is named by its field path.
 */
public final class DataShape {
    private DataShape() {
    }

    /** What does not fit, one sentence per field; empty when the edit has the event's shape. */
    public static List<String> mismatches(JsonNode stored, JsonNode edited) {
        List<String> problems = new ArrayList<>();
        if (!edited.isObject()) {
            problems.add("the data must be a JSON object, was " + kind(edited));
            return problems;
        }
        compare(stored, edited, "", problems);
        return problems;
    }

    private static void compare(JsonNode stored, JsonNode edited, String path, List<String> problems) {
        if (stored.isNull() || edited.isNull()) {
            return;
        }
        if (!kind(stored).equals(kind(edited))) {
            problems.add(where(path) + ": expected " + kind(stored) + ", found " + kind(edited));
        } else if (stored.isObject()) {
            TreeSet<String> known = new TreeSet<>();
            stored.fieldNames().forEachRemaining(known::add);
            for (Iterator<String> names = edited.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!known.contains(name)) {
                    problems.add(where(path) + ": unknown field " + name + " (the event has: "
                            + String.join(", ", known) + ")");
                }
            }
            for (String name : known) {
                if (!edited.has(name)) {
                    problems.add(where(join(path, name)) + ": missing");
                } else {
                    compare(stored.get(name), edited.get(name), join(path, name), problems);
                }
            }
        } else if (stored.isArray() && !stored.isEmpty()) {
            for (int i = 0; i < edited.size(); i++) {
                compare(stored.get(0), edited.get(i), path + "[" + i + "]", problems);
            }
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String where(String path) {
        return path.isEmpty() ? "the data" : path;
    }

    private static String kind(JsonNode node) {
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "an object";
        }
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
