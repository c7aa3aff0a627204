package io.eventscope.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.Metadata;
import io.eventscope.engine.event.RawEvent;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The filter index reads words from the stored JSON text, a read of the store's events from
 * that text parsed again (the events after the index's checkpoint): they must agree.
 */
class TextWordsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"price\":9.50,\"tiny\":0.0000001,\"zero\":-0,\"exp\":1e3,\"cents\":0.00,\"small\":1.5E-10}",
            "{\"big\":12345678901234567890,\"neg\":-42,\"long\":9007199254740993}",
            "{\"lines\":[1,\"SKU-1001\",{\"gift\":true,\"note\":null,\"wrap\":false}],\"empty\":{},\"none\":[]}",
            "{\"text\":\"Café 100% _done_ — naïve O'Brien \\\"quoted\\\" a\\\\b tab\\there\",\"url\":\"https://x.example/a?b=c\"}",
            "{\"deep\":{\"deeper\":{\"deepest\":[[\"cust-0042\"],[2026]]}}}"})
    void theStoredTextGivesTheWordsOfTheParsedEvent(String data) {
        RawEvent stored = RawEvent.of(event(data, new Metadata("Ada", "corr-1", "cmd-1",
                Map.of("tenant", "Acme-North", "n", "12.50"))));
        EventEnvelope readBack = event(stored.data(), stored.metadata());
        assertThat(TextWords.of(stored)).isEqualTo(TextWords.of(readBack)).isNotEmpty();
    }

    @Test
    void numbersAreTheirParsedText() {
        RawEvent stored = RawEvent.of(event("{\"price\":9.50,\"zero\":-0,\"exp\":1e3}", new Metadata(null, null, null, Map.of())));
        assertThat(TextWords.of(stored)).containsExactly("9.50", "0", "1000");
    }

    private static EventEnvelope event(String data, Metadata metadata) {
        return new EventEnvelope("e1", "T", "order", "o1", "order-o1", 1, 1, 7, Instant.EPOCH, Json.parse(data), metadata);
    }
}
