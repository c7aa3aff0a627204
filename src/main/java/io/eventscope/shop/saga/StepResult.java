package io.eventscope.shop.saga;

import io.eventscope.engine.event.EventEnvelope;

/**
 * How a call to a service ended: done, refused (by the service or an injected failure), or
 * unanswered within the step timeout. {@code last} is the service's last stored event, the
 * cause of what the saga records next; null when it stored nothing.
 */
record StepResult(boolean ok, String reason, boolean timedOut, EventEnvelope last) {

    static StepResult done(EventEnvelope last) {
        return new StepResult(true, null, false, last);
    }

    static StepResult failed(String reason, EventEnvelope last) {
        return new StepResult(false, reason, false, last);
    }

    static StepResult timedOut(String reason) {
        return new StepResult(false, reason, true, null);
    }
}
