package io.eventscope.engine.timeline;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A condition over a state's JSON, such as {@code status == "CANCELLED"},
 * {@code total > 1000} or {@code items.length == 0 && !paid}. The syntax is in
 * docs/timeline.md; {@link #parse} explains what is wrong with a bad one.
 */
public final class Condition {
    private final String source;
    private final Expr expr;

    private Condition(String source, Expr expr) {
        this.source = source;
        this.expr = expr;
    }

    /** Parses a condition, or fails with a {@link ConditionSyntaxException} pointing at the problem. */
    public static Condition parse(String source) {
        return new Condition(source, ConditionParser.parse(source));
    }

    /** Whether the condition holds for the state; a path that leads nowhere is a missing value, never an error. */
    public boolean test(JsonNode state) {
        return Expr.truthy(expr.eval(state));
    }

    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return source;
    }
}
