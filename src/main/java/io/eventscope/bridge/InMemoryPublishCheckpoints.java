package io.eventscope.bridge;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Checkpoints for a store that lives in memory. */
public final class InMemoryPublishCheckpoints implements PublishCheckpoints {
    private final Map<String, Long> positions = new ConcurrentHashMap<>();

    @Override
    public long confirmed(String bridge) {
        return positions.getOrDefault(bridge, 0L);
    }

    @Override
    public void confirm(String bridge, long position) {
        positions.put(bridge, position);
    }
}
