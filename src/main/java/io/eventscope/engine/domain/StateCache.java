package io.eventscope.engine.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * States kept every {@code interval} versions, so reaching any version folds at most one
 * interval of events. Memory is bounded twice: a stream keeps at most {@code maxPerStream}
 * checkpoints (past that, every other one is dropped and its spacing doubles, so coverage
 * stays even), and only the {@code maxStreams} most recently used streams are kept.
 */
public final class StateCache {
    public static final int DEFAULT_INTERVAL = 100;

    private final int interval;
    private final int maxPerStream;
    private final Map<String, Checkpoints> streams;

    public StateCache(int interval, int maxPerStream, int maxStreams) {
        if (interval < 1 || maxPerStream < 2 || maxStreams < 1) {
            throw new IllegalArgumentException("interval >= 1, maxPerStream >= 2 and maxStreams >= 1 required, were "
                    + interval + ", " + maxPerStream + ", " + maxStreams);
        }
        this.interval = interval;
        this.maxPerStream = maxPerStream;
        this.streams = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Checkpoints> eldest) {
                return size() > maxStreams;
            }
        };
    }

    public static StateCache withDefaults() {
        return new StateCache(DEFAULT_INTERVAL, 1024, 256);
    }

    /** The smallest spacing of checkpoints: only versions divisible by it are ever kept. */
    public int interval() {
        return interval;
    }

    /** The checkpoint at the highest version not above {@code version}, or null. */
    public synchronized Checkpoint floor(String streamId, long version) {
        Checkpoints c = streams.get(streamId);
        if (c == null) {
            return null;
        }
        Map.Entry<Long, Object> e = c.states.floorEntry(version);
        return e == null ? null : new Checkpoint(e.getKey(), e.getValue());
    }

    /** Keeps the state when {@code version} falls on the stream's checkpoint spacing. */
    public synchronized void offer(String streamId, long version, Object state) {
        Checkpoints c = streams.computeIfAbsent(streamId, id -> new Checkpoints(interval));
        if (version % c.spacing != 0) {
            return;
        }
        c.states.put(version, state);
        if (c.states.size() > maxPerStream) {
            c.spacing *= 2;
            long spacing = c.spacing;
            c.states.keySet().removeIf(v -> v % spacing != 0);
        }
    }

    /** How many checkpoints are held in all, for figures and tests. */
    public synchronized int size() {
        return streams.values().stream().mapToInt(c -> c.states.size()).sum();
    }

    /** A state known at a version. */
    public record Checkpoint(long version, Object state) {
    }

    private static final class Checkpoints {
        private final TreeMap<Long, Object> states = new TreeMap<>();
        private long spacing;

        Checkpoints(long spacing) {
            this.spacing = spacing;
        }
    }
}
