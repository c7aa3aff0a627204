package io.eventscope.engine.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Set;

/** The JSON pointers an event's RFC 6902 operations changed, asked about node by node while drawing a state. */
public final class ChangedPaths {
    private final Set<String> paths;

    private ChangedPaths(Set<String> paths) {
        this.paths = Set.copyOf(paths);
    }

    public static ChangedPaths of(JsonNode operations) {
        Set<String> paths = new LinkedHashSet<>();
        for (JsonNode op : operations) {
            paths.add(op.path("path").asText());
            // A move empties its source; a copy leaves its source as it was.
            if (op.path("op").asText().equals("move")) {
                paths.add(op.path("from").asText());
            }
        }
        return new ChangedPaths(paths);
    }

    /** Whether the node at {@code pointer} was changed: it was set, or lies inside something that was. */
    public boolean changed(String pointer) {
        for (String p : paths) {
            if (pointer.equals(p) || pointer.startsWith(p.isEmpty() ? "" : p + "/")) {
                return true;
            }
        }
        return false;
    }

    /** Whether something inside the node at {@code pointer} changed, so a collapsed tree can lead there. */
    public boolean leadsToChange(String pointer) {
        String prefix = pointer + "/";
        for (String p : paths) {
            if (p.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    public Set<String> paths() {
        return paths;
    }
}
