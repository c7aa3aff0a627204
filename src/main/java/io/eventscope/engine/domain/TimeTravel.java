package io.eventscope.engine.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.flipkart.zjsonpatch.JsonDiff;
import io.eventscope.engine.event.StreamIds;
import io.eventscope.engine.store.EventStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Any stream's state at any version, and its history step by step. Streams of a known
 * aggregate type fold through their decider; any other stream (imported data) folds with a
 * JSON merge, so every stream can be scrubbed.
 */
public final class TimeTravel {
    private final EventStore store;
    private final StateLoader loader;
    private final Map<String, AggregateType<?, ?, ?>> typesByName;

    public TimeTravel(EventStore store, StateLoader loader, Map<String, AggregateType<?, ?, ?>> typesByName) {
        this.store = store;
        this.loader = loader;
        this.typesByName = Map.copyOf(typesByName);
    }

    /** The state after the first {@code version} events (0: the initial state). */
    public StreamState stateAt(String streamId, long version) {
        long length = lengthOf(streamId);
        if (version < 0 || version > length) {
            throw new IllegalArgumentException("version " + version + " is outside stream '" + streamId
                    + "', which has versions 0 to " + length);
        }
        return stateAt(streamId, fold(streamId), version, length);
    }

    /** The state after the stream's last event. */
    public StreamState currentState(String streamId) {
        return stateAt(streamId, lengthOf(streamId));
    }

    /** Steps {@code from} to {@code to} (inclusive; clamped to the stream's end), in order. */
    public List<HistoryStep> history(String streamId, long from, long to) {
        List<HistoryStep> steps = new ArrayList<>();
        history(streamId, from, to, steps::add);
        return steps;
    }

    /** Like {@link #history(String, long, long)}, handing each step over as it is made. */
    public void history(String streamId, long from, long to, Consumer<HistoryStep> sink) {
        long length = lengthOf(streamId);
        if (from < 1 || from > length || to < from) {
            throw new IllegalArgumentException("history range " + from + ".." + to + " does not fit stream '"
                    + streamId + "', which has versions 1 to " + length);
        }
        history(streamId, fold(streamId), from, Math.min(to, length), sink);
    }

    private <S> StreamState stateAt(String streamId, StreamFold<S, ?> fold, long version, long length) {
        VersionedState<S> loaded = loader.load(streamId, fold, version);
        return new StreamState(streamId, loaded.version(), length, foldedBy(streamId), fold.toJson(loaded.state()));
    }

    private <S> void history(String streamId, StreamFold<S, ?> fold, long from, long to, Consumer<HistoryStep> sink) {
        VersionedState<S> start = loader.load(streamId, fold, from - 1);
        loader.foldForward(streamId, fold, start, to, (event, before, after) -> {
            JsonNode beforeJson = fold.toJson(before);
            JsonNode afterJson = fold.toJson(after);
            sink.accept(new HistoryStep(event, beforeJson, afterJson, JsonDiff.asJson(beforeJson, afterJson)));
        });
    }

    private long lengthOf(String streamId) {
        long length = store.streamVersion(streamId);
        if (length == 0) {
            throw new IllegalArgumentException("no stream '" + streamId + "' in " + store.describe());
        }
        return length;
    }

    private String foldedBy(String streamId) {
        AggregateType<?, ?, ?> type = typesByName.get(StreamIds.aggregateType(streamId));
        return type == null ? null : type.name();
    }

    private StreamFold<?, ?> fold(String streamId) {
        AggregateType<?, ?, ?> type = typesByName.get(StreamIds.aggregateType(streamId));
        return type == null ? new JsonMergeFold() : new DeciderFold<>(type);
    }
}
