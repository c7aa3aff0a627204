package io.eventscope.app.versions;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.upcast.GoldenFixture;
import io.eventscope.engine.upcast.UpcastException;
import io.eventscope.engine.upcast.UpcastStep;
import io.eventscope.engine.upcast.UpcastTrace;
import io.eventscope.engine.upcast.UpcasterChain;
import io.eventscope.engine.upcast.VersionedPayload;
import java.util.ArrayList;
import java.util.List;

/**
 * One stored event beside the form readers see, with every step of its chain; or, when an
 * upcaster fails on it, the stored form and the failure.
 *
 * @param trace   null when the chain failed
 * @param failure what the failing upcaster said, null when the chain ran
 */
public record EventComparison(EventEnvelope stored, UpcastTrace trace, PayloadDiff overall, List<ChainStep> steps,
                              String failure) {

    public EventComparison {
        steps = List.copyOf(steps);
    }

    /** Runs the chain on the event, step by step; called off the FX thread. */
    public static EventComparison of(EventEnvelope event, UpcasterChain chain) {
        VersionedPayload stored = VersionedPayload.of(event);
        UpcastTrace trace;
        try {
            trace = chain.trace(event);
        } catch (UpcastException e) {
            return new EventComparison(event, null, PayloadDiff.single(event.data()), List.of(), e.getMessage());
        }
        List<ChainStep> steps = new ArrayList<>();
        VersionedPayload previous = stored;
        for (UpcastStep step : trace.steps()) {
            steps.add(new ChainStep(steps.size() + 1, step.upcaster(), step.result(),
                    PayloadDiff.between(previous, step.result())));
            previous = step.result();
        }
        return new EventComparison(event, trace, PayloadDiff.between(stored, previous), steps, null);
    }

    /** "OrderCreated v1 ⇒ OrderCreated v3 · position 3 · order-o1 v1". */
    public String headline() {
        String where = " · position " + stored.position() + " · " + stored.streamId() + " v" + stored.version();
        String from = stored.eventType() + " v" + stored.schemaVersion();
        if (trace == null) {
            return from + " ⇒ upcasting fails" + where;
        }
        if (!trace.changed()) {
            return from + " (current, no upcaster applies)" + where;
        }
        EventEnvelope upcasted = trace.upcasted();
        return from + " ⇒ " + upcasted.eventType() + " v" + upcasted.schemaVersion() + where;
    }

    /** The stored/upcasted pair as a golden fixture; only when the chain ran. */
    public GoldenFixture fixture() {
        if (trace == null) {
            throw new IllegalStateException("The chain fails on this event; there is no upcasted form to keep");
        }
        EventEnvelope upcasted = trace.upcasted();
        return GoldenFixture.of(stored.eventType() + " v" + stored.schemaVersion() + " becomes "
                + upcasted.eventType() + " v" + upcasted.schemaVersion() + " (event " + stored.eventId()
                + " at position " + stored.position() + ", stream " + stored.streamId() + ")", trace);
    }
}
