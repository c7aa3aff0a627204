package io.eventscope.app.whatif;

/** One command of the outcome list: what it did then, what it does in the branch, the difference. */
public record OutcomeRow(String command, String verdict, String then, String now, String diff) {
}
