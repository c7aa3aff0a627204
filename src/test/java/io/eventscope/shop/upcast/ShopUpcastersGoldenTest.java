package io.eventscope.shop.upcast;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.Metadata;
import io.eventscope.engine.upcast.GoldenFixture;
import io.eventscope.engine.upcast.UpcastStep;
import io.eventscope.engine.upcast.UpcastTrace;
import io.eventscope.engine.upcast.UpcasterChain;
import io.eventscope.engine.upcast.VersionedPayload;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every fixture in golden/: the shop chain must take the stored payload through exactly the listed steps. */
class ShopUpcastersGoldenTest {
    private final UpcasterChain chain = ShopUpcasters.chain();

    static Stream<Path> fixtures() throws IOException, URISyntaxException {
        Path dir = Path.of(ShopUpcastersGoldenTest.class.getResource("/golden").toURI());
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(5);
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void upcastsLikeTheFixture(Path file) {
        GoldenFixture golden = GoldenFixture.read(file);
        EventEnvelope stored = envelope(golden.stored());
        String storedBefore = Json.write(stored.data());

        UpcastTrace trace = chain.trace(stored);

        assertThat(trace.steps()).extracting(UpcastStep::upcaster)
                .as(golden.description()).containsExactlyElementsOf(golden.steps().stream().map(UpcastStep::upcaster).toList());
        for (int i = 0; i < golden.steps().size(); i++) {
            assertSamePayload(trace.steps().get(i).result(), golden.steps().get(i).result());
        }
        assertSamePayload(VersionedPayload.of(trace.upcasted()), golden.upcasted());
        assertSamePayload(VersionedPayload.of(chain.upcast(stored)), golden.upcasted());
        assertThat(Json.write(stored.data())).as("the stored event is never changed").isEqualTo(storedBefore);
    }

    /** Same type, version, and the same JSON text: field order and decimal scale included. */
    private static void assertSamePayload(VersionedPayload actual, VersionedPayload expected) {
        assertThat(actual.eventType()).isEqualTo(expected.eventType());
        assertThat(actual.schemaVersion()).isEqualTo(expected.schemaVersion());
        assertThat(Json.write(actual.data())).isEqualTo(Json.write(expected.data()));
    }

    private static EventEnvelope envelope(VersionedPayload p) {
        return new EventEnvelope("e-1", p.eventType(), "order", "o-1", "order-o-1", 1, p.schemaVersion(), 7,
                Instant.parse("2026-01-02T10:00:00Z"), p.data(), Metadata.of("alice", "c-1", "cmd-1"));
    }
}
