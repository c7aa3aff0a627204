package io.eventscope.engine.saga;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

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

    /** The status a label names ({@code needs-intervention}), empty for any other text. */
    public static Optional<SagaStatus> ofLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.label().equals(label)).findFirst();
    }

    /** Every label, for messages: "running, compensating, ...". */
    public static String labels() {
        return Arrays.stream(values()).map(SagaStatus::label).collect(Collectors.joining(", "));
    }
}
