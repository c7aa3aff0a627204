package io.eventscope.engine.saga;

import java.time.Duration;
import java.util.Random;

/**
 * Draws what happens to each call of one simulated service, from a random generator of its
 * own: the same seed gives the same draws, and changing one service's knobs never shifts
 * another's.
 */
public final class FaultInjector {
    /** What one call does: answers after {@code latency}, failing with {@code failure} when not null, or never answers. */
    public record Draw(Duration latency, String failure, boolean hangs) {
    }

    private final String service;
    private final ServiceFaults faults;
    private final Random random;
    private int calls;

    public FaultInjector(String service, ServiceFaults faults, long seed) {
        this.service = service;
        this.faults = faults;
        this.random = new Random(seed ^ service.hashCode() * 0x9E3779B97F4A7C15L);
    }

    public Draw next(boolean compensating) {
        int call = ++calls;
        // Every draw is taken on every call, so one knob never changes the others' sequence.
        double failDraw = random.nextDouble();
        double hangDraw = random.nextDouble();
        long span = faults.maxLatencyMs() - faults.minLatencyMs();
        Duration latency = Duration.ofMillis(faults.minLatencyMs() + (span == 0 ? 0 : random.nextLong(span + 1)));
        boolean hangs = hangDraw < faults.timeoutProbability();
        String failure = null;
        if (compensating && failDraw < faults.compensationFailureProbability()) {
            failure = service + " failed to compensate (injected, call " + call + ")";
        } else if (!compensating && (faults.failOnCalls().contains(call) || failDraw < faults.failureProbability())) {
            failure = service + " failed (injected, call " + call + ")";
        }
        return new Draw(latency, failure, hangs);
    }
}
