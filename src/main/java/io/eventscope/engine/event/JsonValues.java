package io.eventscope.engine.event;

import com.fasterxml.jackson.databind.JsonNode;

/** Comparing JSON as a person reads it: numbers by value (24.5 and 24.50 are one amount), the rest exactly. */
public final class JsonValues {
    private JsonValues() {
    }

    public static boolean same(JsonNode a, JsonNode b) {
        return a.equals(JsonValues::compare, b);
    }

    private static int compare(JsonNode x, JsonNode y) {
        if (x.isNumber() && y.isNumber()) {
            return x.decimalValue().compareTo(y.decimalValue());
        }
        return x.equals(y) ? 0 : 1;
    }
}
