package io.eventscope.engine.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.Metadata;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.InMemoryEventStore;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.upcast.Upcaster;
import io.eventscope.engine.upcast.UpcasterChain;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineCausationTreeTest {

    /** An upcaster that cannot read what was stored, as happens with data from another system. */
    private static final Upcaster BROKEN = new Upcaster() {
        @Override
        public String eventType() {
            return "LegacyThing";
        }

        @Override
        public int fromSchemaVersion() {
            return 1;
        }

        @Override
        public JsonNode upcast(JsonNode data) {
            throw new IllegalArgumentException("userId is missing");
        }
    };

    @Test
    void anEventNoUpcasterCanReadStillShowsInItsCorrelationsTree() {
        InMemoryEventStore store = new InMemoryEventStore();
        Metadata chain = Metadata.of("ann", "corr-1", null);
        store.append("thing-1", ExpectedVersion.NO_STREAM, List.of(
                NewEvent.of("ThingStarted", Json.object(), chain),
                NewEvent.of("LegacyThing", Json.object(), chain)));

        try (Engine engine = Engine.open(new OpenStore(store, null), List.of(), UpcasterChain.of(BROKEN))) {
            List<CausationNode> roots = engine.causationTrees().of("corr-1");

            assertThat(roots).extracting(CausationNode::type).containsExactly("ThingStarted", "LegacyThing");
        }
    }
}
