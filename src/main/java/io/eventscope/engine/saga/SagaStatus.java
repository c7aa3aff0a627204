package io.eventscope.engine.saga;

/** Where a saga stands. The last three are final; NEEDS_INTERVENTION waits for a person. */
public enum SagaStatus {
    RUNNING,
    COMPENSATING,
    COMPLETED,
    COMPENSATED,
    NEEDS_INTERVENTION;

    public boolean isFinal() {
        return this == COMPLETED || this == COMPENSATED || this == NEEDS_INTERVENTION;
    }

    /** As the command line spells it: {@code needs-intervention}. */
    public String label() {
        return name().toLowerCase().replace('_', '-');
    }
}
