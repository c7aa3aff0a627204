package io.eventscope.engine.saga;

import java.time.Instant;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;

/**
 * Discrete-event time: work scheduled at a virtual instant runs in instant order, ties in the
 * order they were scheduled, with the clock moved to each instant first. Nothing waits on the
 * wall clock, and the same schedule always runs in the same order.
 */
public final class Scheduler {
    private record Entry(Instant at, long seq, Runnable work) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry o) {
            int byTime = at.compareTo(o.at);
            return byTime != 0 ? byTime : Long.compare(seq, o.seq);
        }
    }

    private final VirtualClock clock;
    private final PriorityQueue<Entry> queue = new PriorityQueue<>();
    private long seq;

    public Scheduler(VirtualClock clock) {
        this.clock = clock;
    }

    public VirtualClock clock() {
        return clock;
    }

    public void at(Instant at, Runnable work) {
        queue.add(new Entry(at, seq++, work));
    }

    /** Runs everything scheduled, including what the work schedules, until none is left or {@code cancelled}. */
    public void runAll(BooleanSupplier cancelled) {
        while (!queue.isEmpty() && !cancelled.getAsBoolean()) {
            Entry next = queue.poll();
            clock.moveTo(next.at());
            next.work().run();
        }
    }
}
