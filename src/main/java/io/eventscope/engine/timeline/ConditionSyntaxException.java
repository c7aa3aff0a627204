package io.eventscope.engine.timeline;

/**
 * A condition that does not parse. The message names the column, what was expected there and
 * what was found, and shows the expression with a caret under the spot.
 */
public final class ConditionSyntaxException extends IllegalArgumentException {
    private final String source;
    private final int position;
    private final String problem;

    ConditionSyntaxException(String source, int position, String problem) {
        super("column " + (position + 1) + ": " + problem + "\n" + source + "\n" + " ".repeat(position) + "^");
        this.source = source;
        this.position = position;
        this.problem = problem;
    }

    public String source() {
        return source;
    }

    /** Where the problem is: a 0-based index into the source. */
    public int position() {
        return position;
    }

    /** What is wrong, without the position and caret ("expected ')' to close the '(' at column 3, found the end"). */
    public String problem() {
        return problem;
    }
}
