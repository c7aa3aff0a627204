package io.eventscope.engine.whatif;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.engine.domain.StreamFold;
import io.eventscope.engine.event.EventEnvelope;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One stream of a branch: its events as the branch has them, and the state they fold to. */
final class BranchStream<S, D> {
    private final StreamFold<S, D> fold;
    private final List<EventEnvelope> events = new ArrayList<>();
    private S state;

    BranchStream(StreamFold<S, D> fold) {
        this.fold = fold;
        this.state = fold.initialState();
    }

    /** Folds an event in; the caller has given it this stream's next version. */
    void append(EventEnvelope event) {
        state = fold.apply(state, fold.decode(event));
        events.add(event);
    }

    /** The events so far, in version order; a view, not a copy. */
    List<EventEnvelope> events() {
        return Collections.unmodifiableList(events);
    }

    long version() {
        return events.size();
    }

    S state() {
        return state;
    }

    JsonNode stateJson() {
        return fold.toJson(state);
    }

    /** The state these events fold to with this stream's fold, for the side of what happened. */
    JsonNode foldJson(List<EventEnvelope> others) {
        S folded = fold.initialState();
        for (EventEnvelope e : others) {
            folded = fold.apply(folded, fold.decode(e));
        }
        return fold.toJson(folded);
    }
}
