package io.eventscope.engine.timeline;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive descent over the condition grammar, lowest precedence first:
 * <pre>
 * or         := and ("||" and)*
 * and        := comparison ("&amp;&amp;" comparison)*
 * comparison := unary (("==" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=") unary)?
 * unary      := "!" unary | "(" or ")" | literal | path
 * path       := name ("." name | "[" integer "]" | "[" string "]")*
 * </pre>
 */
final class ConditionParser {
    private static final String A_VALUE = "a value (a field path, a \"string\", a number, true, false, null, '!' or '(')";
    private static final String AN_OPERATOR = "an operator (==, !=, <, <=, >, >=, &&, ||)";

    private final String source;
    private int at;

    private ConditionParser(String source) {
        this.source = source;
    }

    static Expr parse(String source) {
        ConditionParser parser = new ConditionParser(source);
        parser.skipSpace();
        if (parser.atEnd()) {
            throw parser.error(parser.at, "expected a condition, found nothing");
        }
        Expr expr = parser.or();
        parser.skipSpace();
        if (!parser.atEnd()) {
            throw parser.error(parser.at, "expected " + AN_OPERATOR + " or the end, found " + parser.found());
        }
        return expr;
    }

    private Expr or() {
        Expr left = and();
        while (take("||")) {
            left = new Expr.Or(left, and());
        }
        return left;
    }

    private Expr and() {
        Expr left = comparison();
        while (take("&&")) {
            left = new Expr.And(left, comparison());
        }
        return left;
    }

    private Expr comparison() {
        Expr left = unary();
        skipSpace();
        int opAt = at;
        Comparison op = comparisonOperator();
        if (op == null) {
            return left;
        }
        Expr right = unary();
        skipSpace();
        if (comparisonOperator() != null) {
            throw error(opAt, "comparisons do not chain; join them with && (a < b && b < c)");
        }
        return new Expr.Compare(left, op, right);
    }

    private Comparison comparisonOperator() {
        for (String symbol : new String[] {"==", "!=", "<=", ">=", "<", ">"}) {
            if (take(symbol)) {
                for (Comparison c : Comparison.values()) {
                    if (c.symbol.equals(symbol)) {
                        return c;
                    }
                }
            }
        }
        skipSpace();
        if (atEnd()) {
            return null;
        }
        if (peek() == '=') {
            throw error(at, "expected '==' to compare, found a single '='");
        }
        if (peek() == '&' && !source.startsWith("&&", at)) {
            throw error(at, "expected '&&', found a single '&'");
        }
        if (peek() == '|' && !source.startsWith("||", at)) {
            throw error(at, "expected '||', found a single '|'");
        }
        return null;
    }

    private Expr unary() {
        skipSpace();
        int start = at;
        if (atEnd()) {
            throw error(at, "expected " + A_VALUE + ", found the end");
        }
        char c = peek();
        if (c == '!' && !source.startsWith("!=", at)) {
            at++;
            return new Expr.Not(unary());
        }
        if (c == '(') {
            at++;
            Expr inner = or();
            skipSpace();
            if (!take(")")) {
                throw error(at, "expected ')' to close the '(' at column " + (start + 1) + ", found " + found());
            }
            return inner;
        }
        if (c == '"' || c == '\'') {
            return new Expr.Literal(TextNode.valueOf(string()));
        }
        if (Character.isDigit(c) || (c == '-' && at + 1 < source.length() && Character.isDigit(source.charAt(at + 1)))) {
            return new Expr.Literal(DecimalNode.valueOf(number()));
        }
        if (isNameStart(c)) {
            String name = name();
            if (name.equals("true") || name.equals("false")) {
                return new Expr.Literal(BooleanNode.valueOf(name.equals("true")));
            }
            if (name.equals("null")) {
                return new Expr.Literal(NullNode.getInstance());
            }
            return path(name);
        }
        throw error(at, "expected " + A_VALUE + ", found " + found());
    }

    private Expr path(String first) {
        List<Expr.Step> steps = new ArrayList<>();
        steps.add(new Expr.Field(first));
        while (!atEnd()) {
            if (peek() == '.') {
                at++;
                if (atEnd() || !isNameStart(peek())) {
                    throw error(at, "expected a field name after '.', found " + found());
                }
                steps.add(new Expr.Field(name()));
            } else if (peek() == '[') {
                int open = at++;
                skipSpace();
                if (!atEnd() && (peek() == '"' || peek() == '\'')) {
                    steps.add(new Expr.Field(string()));
                } else if (!atEnd() && Character.isDigit(peek())) {
                    steps.add(new Expr.Index(index()));
                } else {
                    throw error(at, "expected an index (0, 1, ...) or a quoted field name after '[', found " + found());
                }
                skipSpace();
                if (!take("]")) {
                    throw error(at, "expected ']' to close the '[' at column " + (open + 1) + ", found " + found());
                }
            } else {
                break;
            }
        }
        return new Expr.Path(steps);
    }

    private String string() {
        int start = at;
        char quote = source.charAt(at++);
        StringBuilder text = new StringBuilder();
        while (!atEnd() && peek() != quote) {
            char c = source.charAt(at++);
            if (c == '\\') {
                if (atEnd()) {
                    break;
                }
                char escaped = source.charAt(at++);
                text.append(escaped == 'n' ? '\n' : escaped == 't' ? '\t' : escaped);
            } else {
                text.append(c);
            }
        }
        if (atEnd()) {
            throw error(start, "expected a closing " + quote + " for the string that starts here, found the end");
        }
        at++;
        return text.toString();
    }

    private BigDecimal number() {
        int start = at;
        if (peek() == '-') {
            at++;
        }
        while (!atEnd() && Character.isDigit(peek())) {
            at++;
        }
        if (!atEnd() && peek() == '.' && at + 1 < source.length() && Character.isDigit(source.charAt(at + 1))) {
            at++;
            while (!atEnd() && Character.isDigit(peek())) {
                at++;
            }
        }
        if (!atEnd() && isNameStart(peek())) {
            throw error(at, "expected a number, found " + found() + " inside it");
        }
        return new BigDecimal(source.substring(start, at));
    }

    private int index() {
        int start = at;
        while (!atEnd() && Character.isDigit(peek())) {
            at++;
        }
        try {
            return Integer.parseInt(source.substring(start, at));
        } catch (NumberFormatException e) {
            throw error(start, "expected an index no larger than " + Integer.MAX_VALUE);
        }
    }

    private String name() {
        int start = at;
        while (!atEnd() && (isNameStart(peek()) || Character.isDigit(peek()))) {
            at++;
        }
        return source.substring(start, at);
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '$';
    }

    private boolean take(String symbol) {
        skipSpace();
        if (source.startsWith(symbol, at)) {
            at += symbol.length();
            return true;
        }
        return false;
    }

    private void skipSpace() {
        while (!atEnd() && Character.isWhitespace(peek())) {
            at++;
        }
    }

    private boolean atEnd() {
        return at >= source.length();
    }

    private char peek() {
        return source.charAt(at);
    }

    private String found() {
        return atEnd() ? "the end" : "'" + peek() + "'";
    }

    private ConditionSyntaxException error(int position, String problem) {
        return new ConditionSyntaxException(source, position, problem);
    }
}
