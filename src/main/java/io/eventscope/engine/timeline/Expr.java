package io.eventscope.engine.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;

/**
 * The syntax tree of a {@link Condition}. Every node evaluates to a JSON value over the state;
 * comparisons and logic give booleans, a path that leads nowhere gives a missing node.
 */
sealed interface Expr {

    JsonNode eval(JsonNode state);

    /** Only {@code true} is true: a missing field, null, 0 or "" are all false. */
    static boolean truthy(JsonNode value) {
        return value.isBoolean() && value.booleanValue();
    }

    record Literal(JsonNode value) implements Expr {
        @Override
        public JsonNode eval(JsonNode state) {
            return value;
        }
    }

    /** A dotted path with [index] steps; {@code length} of an array or string is its size. */
    record Path(List<Step> steps) implements Expr {
        @Override
        public JsonNode eval(JsonNode state) {
            JsonNode at = state;
            for (Step step : steps) {
                at = step.from(at);
            }
            return at;
        }
    }

    sealed interface Step {
        JsonNode from(JsonNode node);
    }

    record Field(String name) implements Step {
        @Override
        public JsonNode from(JsonNode node) {
            if (node.isObject()) {
                return node.path(name);
            }
            if (name.equals("length") && node.isArray()) {
                return IntNode.valueOf(node.size());
            }
            if (name.equals("length") && node.isTextual()) {
                return IntNode.valueOf(node.textValue().length());
            }
            return MissingNode.getInstance();
        }
    }

    record Index(int index) implements Step {
        @Override
        public JsonNode from(JsonNode node) {
            return node.isArray() ? node.path(index) : MissingNode.getInstance();
        }
    }

    record Not(Expr operand) implements Expr {
        @Override
        public JsonNode eval(JsonNode state) {
            return BooleanNode.valueOf(!truthy(operand.eval(state)));
        }
    }

    record And(Expr left, Expr right) implements Expr {
        @Override
        public JsonNode eval(JsonNode state) {
            return BooleanNode.valueOf(truthy(left.eval(state)) && truthy(right.eval(state)));
        }
    }

    record Or(Expr left, Expr right) implements Expr {
        @Override
        public JsonNode eval(JsonNode state) {
            return BooleanNode.valueOf(truthy(left.eval(state)) || truthy(right.eval(state)));
        }
    }

    record Compare(Expr left, Comparison op, Expr right) implements Expr {
        @Override
        public JsonNode eval(JsonNode state) {
            return BooleanNode.valueOf(op.test(left.eval(state), right.eval(state)));
        }
    }
}
