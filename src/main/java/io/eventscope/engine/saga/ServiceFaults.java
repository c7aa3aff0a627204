package io.eventscope.engine.saga;

import java.util.Set;

/**
 * How a simulated service misbehaves. Each call fails with {@code failureProbability}, and
 * always on the calls numbered in {@code failOnCalls} (1-based, counted per service); it
 * answers after a latency drawn uniformly from {@code minLatencyMs..maxLatencyMs}, or never
 * with {@code timeoutProbability}; a compensating call fails with
 * {@code compensationFailureProbability}.
 */
public record ServiceFaults(double failureProbability, Set<Integer> failOnCalls, long minLatencyMs,
                            long maxLatencyMs, double timeoutProbability, double compensationFailureProbability) {

    public static final ServiceFaults NONE = new ServiceFaults(0, Set.of(), 5, 20, 0, 0);

    public ServiceFaults {
        failOnCalls = Set.copyOf(failOnCalls);
        if (!(probability(failureProbability) && probability(timeoutProbability)
                && probability(compensationFailureProbability))) {
            throw new IllegalArgumentException("probabilities must be between 0 and 1: " + this);
        }
        if (minLatencyMs < 0 || maxLatencyMs < minLatencyMs) {
            throw new IllegalArgumentException("latency needs 0 <= min <= max: " + this);
        }
    }

    public ServiceFaults withFailureProbability(double p) {
        return new ServiceFaults(p, failOnCalls, minLatencyMs, maxLatencyMs, timeoutProbability,
                compensationFailureProbability);
    }

    public ServiceFaults withCompensationFailureProbability(double p) {
        return new ServiceFaults(failureProbability, failOnCalls, minLatencyMs, maxLatencyMs, timeoutProbability, p);
    }

    private static boolean probability(double p) {
        return p >= 0 && p <= 1;
    }
}
