package io.eventscope.engine.upcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.Metadata;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class UpcasterChainTest {

    static Upcaster upcaster(String type, int from, String to, UnaryOperator<ObjectNode> change) {
        return new Upcaster() {
            public String eventType() {
                return type;
            }

            public int fromSchemaVersion() {
                return from;
            }

            public String toEventType() {
                return to;
            }

            public JsonNode upcast(JsonNode data) {
                return change.apply(((ObjectNode) data).deepCopy());
            }
        };
    }

    static EventEnvelope event(String type, int schemaVersion, String json, long position) {
        return new EventEnvelope("e" + position, type, "thing", "t1", "thing-t1", position, schemaVersion, position,
                Instant.parse("2026-03-01T00:00:00Z"), Json.parse(json), Metadata.EMPTY);
    }

    private final UpcasterChain chain = UpcasterChain.of(
            upcaster("Renamed", 1, "Named", d -> d.put("b", 2)),
            upcaster("Named", 2, "Named", d -> d.put("c", 3)),
            upcaster("Broken", 1, "Broken", d -> {
                throw new IllegalStateException("field 'x' is missing");
            }));

    @Test
    void chainsStepsThroughARenameAndReportsEachOne() {
        EventEnvelope stored = event("Renamed", 1, "{\"a\":1}", 4);

        UpcastTrace trace = chain.trace(stored);

        assertThat(trace.steps()).extracting(UpcastStep::upcaster)
                .containsExactly("Renamed v1 -> Named v2", "Named v2 -> v3");
        assertThat(trace.steps().get(0).result()).isEqualTo(new VersionedPayload("Named", 2, Json.parse("{\"a\":1,\"b\":2}")));
        assertThat(trace.steps().get(1).result()).isEqualTo(new VersionedPayload("Named", 3, Json.parse("{\"a\":1,\"b\":2,\"c\":3}")));
        EventEnvelope upcasted = trace.upcasted();
        assertThat(upcasted.eventType()).isEqualTo("Named");
        assertThat(upcasted.schemaVersion()).isEqualTo(3);
        assertThat(upcasted.position()).isEqualTo(4);
        assertThat(upcasted.eventId()).isEqualTo("e4");
        assertThat(chain.upcast(stored)).isEqualTo(upcasted);
        assertThat(stored.data()).isEqualTo(Json.parse("{\"a\":1}"));
    }

    @Test
    void namesTheShapeAStoredShapeEndsAsWithoutReadingAnEvent() {
        assertThat(chain.newestShape(new EventShape("Renamed", 1))).isEqualTo(new EventShape("Named", 3));
        assertThat(chain.newestShape(new EventShape("Named", 2))).isEqualTo(new EventShape("Named", 3));
        assertThat(chain.newestShape(new EventShape("Named", 3))).isEqualTo(new EventShape("Named", 3));
        assertThat(chain.newestShape(new EventShape("Unknown", 1))).isEqualTo(new EventShape("Unknown", 1));
    }

    @Test
    void eachStepsChangesAreJsonPatchOperations() {
        UpcastTrace trace = chain.trace(event("Renamed", 1, "{\"a\":1}", 4));

        assertThat(trace.changes(0)).isEqualTo(Json.parse("[{\"op\":\"add\",\"path\":\"/b\",\"value\":2}]"));
        assertThat(trace.changes(1)).isEqualTo(Json.parse("[{\"op\":\"add\",\"path\":\"/c\",\"value\":3}]"));
        assertThat(trace.changes(-1)).hasSize(2);
    }

    @Test
    void startsMidChainAndLeavesCurrentEventsAlone() {
        EventEnvelope v2 = event("Named", 2, "{\"a\":1}", 1);
        assertThat(chain.trace(v2).steps()).hasSize(1);

        EventEnvelope current = event("Named", 3, "{\"a\":1}", 2);
        assertThat(chain.trace(current).changed()).isFalse();
        assertThat(chain.upcast(current)).isSameAs(current);
    }

    @Test
    void aFailingUpcasterNamesTheEventThePositionAndTheUpcaster() {
        EventEnvelope stored = event("Broken", 1, "{}", 42);

        assertThatThrownBy(() -> chain.upcast(stored))
                .isInstanceOf(UpcastException.class)
                .hasMessageContaining("'Broken v1 -> v2'")
                .hasMessageContaining("event 'e42'")
                .hasMessageContaining("position 42")
                .hasMessageContaining("field 'x' is missing");
    }

    @Test
    void anUpcasterReturningSomethingOtherThanAnObjectIsAnError() {
        UpcasterChain bad = UpcasterChain.of(new Upcaster() {
            public String eventType() {
                return "T";
            }

            public int fromSchemaVersion() {
                return 1;
            }

            public JsonNode upcast(JsonNode data) {
                return Json.MAPPER.getNodeFactory().textNode("oops");
            }
        });
        assertThatThrownBy(() -> bad.trace(event("T", 1, "{}", 3)))
                .isInstanceOf(UpcastException.class)
                .hasMessageContaining("a JSON STRING instead of a JSON object");
    }

    @Test
    void refusesTwoUpcastersForTheSameTypeAndVersion() {
        assertThatThrownBy(() -> UpcasterChain.of(
                upcaster("T", 1, "T", d -> d), upcaster("T", 1, "U", d -> d)))
                .hasMessageContaining("two upcasters read T v1");
    }

    @Test
    void knowsWhichStoredTypesEndAsAType() {
        assertThat(chain.storedTypesOf("Named")).containsExactlyInAnyOrder("Named", "Renamed");
        assertThat(chain.storedTypesOf("Broken")).containsExactly("Broken");
        assertThat(chain.isRenamed("Renamed")).isTrue();
        assertThat(chain.isRenamed("Named")).isFalse();
    }
}
