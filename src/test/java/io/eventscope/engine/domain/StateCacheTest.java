package io.eventscope.engine.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StateCacheTest {

    @Test
    void keepsStatesOnlyEveryIntervalVersions() {
        StateCache cache = new StateCache(10, 100, 4);
        for (long v = 1; v <= 35; v++) {
            cache.offer("s", v, "state" + v);
        }

        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.floor("s", 29)).isEqualTo(new StateCache.Checkpoint(20, "state20"));
        assertThat(cache.floor("s", 9)).isNull();
    }

    @Test
    void aLongStreamThinsItsCheckpointsEvenlyInsteadOfGrowing() {
        StateCache cache = new StateCache(10, 8, 4);
        for (long v = 1; v <= 1000; v++) {
            cache.offer("s", v, v);
        }

        assertThat(cache.size()).isLessThanOrEqualTo(8);
        // Coverage stays even: the nearest checkpoint below any version is at most one spacing away.
        long farthest = 0;
        for (long v = 200; v <= 1000; v++) {
            farthest = Math.max(farthest, v - cache.floor("s", v).version());
        }
        assertThat(farthest).isLessThan(160);
    }

    @Test
    void forgetsTheLeastRecentlyUsedStream() {
        StateCache cache = new StateCache(1, 4, 2);
        cache.offer("a", 1, "a1");
        cache.offer("b", 1, "b1");
        cache.floor("a", 1);
        cache.offer("c", 1, "c1");

        assertThat(cache.floor("a", 1)).isNotNull();
        assertThat(cache.floor("b", 1)).isNull();
        assertThat(cache.floor("c", 1)).isNotNull();
    }
}
