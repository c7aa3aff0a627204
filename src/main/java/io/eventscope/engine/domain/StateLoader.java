package io.eventscope.engine.domain;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventStore;
import java.util.List;

/**
 * Rebuilds a stream's state: start from the nearest cached checkpoint, fold the remaining
 * events, and leave checkpoints behind for the next caller. Events are folded as the store
 * returns them, so a store that upcasts on read hands the deciders the current shapes.
 */
public final class StateLoader {
    private static final int PAGE = 1000;

    private final EventStore store;
    private final StateCache cache;

    public StateLoader(EventStore store, StateCache cache) {
        this.store = store;
        this.cache = cache;
    }

    /** Called for every event folded, with the states around it. */
    public interface Step<S> {
        void folded(EventEnvelope event, S before, S after);
    }

    /** The state after {@code version} events, or after the last one if the stream is shorter. */
    public <S> VersionedState<S> load(String streamId, StreamFold<S> fold, long version) {
        StateCache.Checkpoint checkpoint = cache.floor(streamId, version);
        @SuppressWarnings("unchecked") // a stream id always folds with the same fold, so with the same state type
        VersionedState<S> start = checkpoint == null
                ? new VersionedState<>(0, fold.initialState())
                : new VersionedState<>(checkpoint.version(), (S) checkpoint.state());
        return foldForward(streamId, fold, start, version, null);
    }

    /** Folds the events after {@code start} up to {@code version} (or the stream's end), telling {@code step} of each. */
    public <S> VersionedState<S> foldForward(String streamId, StreamFold<S> fold, VersionedState<S> start,
                                             long version, Step<S> step) {
        S state = start.state();
        long at = start.version();
        while (at < version) {
            int want = (int) Math.min(PAGE, version - at);
            List<EventEnvelope> page = store.readStream(streamId, at + 1, want, Direction.FORWARDS);
            for (EventEnvelope event : page) {
                S next = apply(fold, state, event);
                if (step != null) {
                    step.folded(event, state, next);
                }
                state = next;
                at = event.version();
                if (at % cache.interval() == 0) {
                    cache.offer(streamId, at, state);
                }
            }
            if (page.size() < want) {
                break;
            }
        }
        return new VersionedState<>(at, state);
    }

    private static <S> S apply(StreamFold<S> fold, S state, EventEnvelope event) {
        try {
            return fold.apply(state, event);
        } catch (StateFoldException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StateFoldException(event, "folding it into the state failed: " + e, e);
        }
    }
}
