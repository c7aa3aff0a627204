package io.eventscope.engine.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.InMemoryEventStore;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Merged states are shared copy-on-write between checkpoints; jumping around with a cache
 * must give exactly what folding from the start without one gives.
 */
class JsonMergeFoldProperties {

    @Provide
    Arbitrary<List<ObjectNode>> patches() {
        Arbitrary<String> keys = Arbitraries.of("a", "b", "c");
        Arbitrary<Integer> values = Arbitraries.integers().between(-1, 9);
        Arbitrary<ObjectNode> patch = Combinators.combine(keys, values, keys, values).as((k1, v1, k2, v2) -> {
            ObjectNode p = Json.object();
            set(p, k1, v1);
            set(p.putObject("nested"), k2, v2);
            return p;
        });
        return patch.list().ofMinSize(1).ofMaxSize(60);
    }

    /** -1 removes the member (a JSON null in a merge patch). */
    private static void set(ObjectNode node, String key, int value) {
        if (value < 0) {
            node.putNull(key);
        } else {
            node.put(key, value);
        }
    }

    @Property(tries = 200)
    void cachedJumpsEqualAFoldFromTheStart(@ForAll("patches") List<ObjectNode> patches,
                                          @ForAll @IntRange(min = 1, max = 7) int interval,
                                          @ForAll @Size(min = 1, max = 20) List<@IntRange(min = 0, max = 100) Integer> jumps) {
        InMemoryEventStore store = new InMemoryEventStore();
        for (ObjectNode p : patches) {
            store.append("imported-1", ExpectedVersion.ANY, List.of(NewEvent.of("Patched", p, null)));
        }
        TimeTravel cached = new TimeTravel(store, new StateLoader(store, new StateCache(interval, 3, 2)), Map.of());
        TimeTravel uncached = new TimeTravel(store,
                new StateLoader(store, new StateCache(Integer.MAX_VALUE, 2, 1)), Map.of());

        for (int jump : jumps) {
            long version = jump % (patches.size() + 1);
            JsonNode expected = uncached.stateAt("imported-1", version).state();
            JsonNode actual = cached.stateAt("imported-1", version).state();
            assertThat(actual).isEqualTo(expected);
            // A caller changing what it got must not change what the next caller gets.
            if (actual.isObject()) {
                ((ObjectNode) actual).put("a", 42).putObject("nested").put("b", 42);
            }
        }
    }
}
