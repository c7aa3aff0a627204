package io.eventscope.engine.domain;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventStore;
import java.util.List;
import java.util.stream.Stream;

/**
 * Rebuilds a stream's state: start from the nearest cached checkpoint, fold the remaining
 * events, and leave checkpoints behind for the next caller. Events are folded as the store
 * returns them, so a store that upcasts on read hands the deciders the current shapes.
 */
public final class StateLoader {
    private static final int PAGE = 1000;
    private static final int PARALLEL_DECODE = 256;

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
    public <S> VersionedState<S> load(String streamId, StreamFold<S, ?> fold, long version) {
        StateCache.Checkpoint checkpoint = cache.floor(streamId, version);
        @SuppressWarnings("unchecked") // a stream id always folds with the same fold, so with the same state type
        VersionedState<S> start = checkpoint == null
                ? new VersionedState<>(0, fold.initialState())
                : new VersionedState<>(checkpoint.version(), (S) checkpoint.state());
        return foldForward(streamId, fold, start, version, null);
    }

    /** Folds the events after {@code start} up to {@code version} (or the stream's end), telling {@code step} of each. */
    public <S> VersionedState<S> foldForward(String streamId, StreamFold<S, ?> fold, VersionedState<S> start,
                                             long version, Step<S> step) {
        return fold(streamId, fold, start, version, step);
    }

    private <S, D> VersionedState<S> fold(String streamId, StreamFold<S, D> fold, VersionedState<S> start,
                                          long version, Step<S> step) {
        S state = start.state();
        long at = start.version();
        while (at < version) {
            int want = (int) Math.min(PAGE, version - at);
            List<EventEnvelope> page = store.readStream(streamId, at + 1, want, Direction.FORWARDS);
            List<D> decoded = decode(fold, page);
            for (int i = 0; i < page.size(); i++) {
                EventEnvelope event = page.get(i);
                S next = apply(fold, state, decoded.get(i), event);
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

    /** Decoding is pure and is most of the work of a long fold: a full page is decoded in parallel. */
    private static <D> List<D> decode(StreamFold<?, D> fold, List<EventEnvelope> page) {
        Stream<EventEnvelope> events = page.size() >= PARALLEL_DECODE ? page.parallelStream() : page.stream();
        return events.map(e -> decode(fold, e)).toList();
    }

    private static <D> D decode(StreamFold<?, D> fold, EventEnvelope event) {
        try {
            return fold.decode(event);
        } catch (StateFoldException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StateFoldException(event, "decoding it failed: " + e, e);
        }
    }

    private static <S, D> S apply(StreamFold<S, D> fold, S state, D decoded, EventEnvelope event) {
        try {
            return fold.apply(state, decoded);
        } catch (StateFoldException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StateFoldException(event, "folding it into the state failed: " + e, e);
        }
    }
}
