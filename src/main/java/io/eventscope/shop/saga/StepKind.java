package io.eventscope.shop.saga;

/** What one entry of a saga's log is, as a timeline draws it. */
public enum StepKind {
    START,
    FORWARD,
    FAILURE,
    TIMEOUT,
    COMPENSATION,
    COMPENSATION_FAILURE,
    OUTCOME
}
