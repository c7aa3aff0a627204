package io.eventscope.app.timeline;

import com.fasterxml.jackson.databind.JsonNode;

/** A JSON value as one short line: strings quoted, absent values as a dash. */
final class ValueText {
    private static final int MAX = 120;

    private ValueText() {
    }

    static String of(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "—";
        }
        String text = value.isValueNode() && !value.isTextual() ? value.asText() : value.toString();
        return text.length() > MAX ? text.substring(0, MAX - 1) + "…" : text;
    }
}
