package io.eventscope.engine.timeline;

import io.eventscope.engine.domain.HistoryStep;

/** Where playback stops: tested on every step it passes, never only on the frames it shows. */
public sealed interface Breakpoint {

    /** Whether playback stops on this step. */
    boolean hits(HistoryStep step);

    /** What the breakpoint shows in a list and in the "stopped at" message. */
    String describe();

    /** Stops when an event of this type arrives. */
    static Breakpoint onType(String eventType) {
        return new OnType(eventType);
    }

    /** Stops on the event that makes the condition true (it was false just before). */
    static Breakpoint when(Condition condition) {
        return new When(condition);
    }

    record OnType(String eventType) implements Breakpoint {
        @Override
        public boolean hits(HistoryStep step) {
            return step.event().eventType().equals(eventType);
        }

        @Override
        public String describe() {
            return "event " + eventType;
        }
    }

    record When(Condition condition) implements Breakpoint {
        @Override
        public boolean hits(HistoryStep step) {
            return !condition.test(step.before()) && condition.test(step.after());
        }

        @Override
        public String describe() {
            return "when " + condition.source();
        }
    }
}
