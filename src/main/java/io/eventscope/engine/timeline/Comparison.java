package io.eventscope.engine.timeline;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The comparison operators of conditions. Numbers compare by value (1000 == 1000.00), strings
 * alphabetically; a missing field equals null; values of different kinds are never equal and
 * never ordered, so {@code total > "5"} is simply false.
 */
enum Comparison {
    EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

    final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    boolean test(JsonNode left, JsonNode right) {
        if (this == EQ) {
            return same(left, right);
        }
        if (this == NE) {
            return !same(left, right);
        }
        Integer order = order(left, right);
        if (order == null) {
            return false;
        }
        if (this == LT) {
            return order < 0;
        }
        if (this == LE) {
            return order <= 0;
        }
        if (this == GT) {
            return order > 0;
        }
        return order >= 0;
    }

    private static boolean same(JsonNode left, JsonNode right) {
        if (left.isNumber() && right.isNumber()) {
            return left.decimalValue().compareTo(right.decimalValue()) == 0;
        }
        if (absent(left) || absent(right)) {
            return absent(left) && absent(right);
        }
        return left.equals(right);
    }

    private static boolean absent(JsonNode value) {
        return value.isMissingNode() || value.isNull();
    }

    private static Integer order(JsonNode left, JsonNode right) {
        if (left.isNumber() && right.isNumber()) {
            return left.decimalValue().compareTo(right.decimalValue());
        }
        if (left.isTextual() && right.isTextual()) {
            return left.textValue().compareTo(right.textValue());
        }
        return null;
    }
}
