package io.eventscope.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.Metadata;
import io.eventscope.engine.event.NewEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared page loop: every page in order, stopping where the reader says or where the log ends. */
class LogPagesTest {
    private final EventStore store = new InMemoryEventStore();

    LogPagesTest() {
        for (int i = 1; i <= 5; i++) {
            store.append("s-" + (i % 2), ExpectedVersion.ANY, List.of(new NewEvent(null, "T" + i, null, null, 1, null,
                    Json.parse("{}"), Metadata.of("u", i % 2 == 0 ? "even" : "odd", null))));
        }
    }

    @Test
    void handsEveryPageInPositionOrderFromThePositionAsked() {
        List<List<Long>> pages = new ArrayList<>();
        LogPages.forEach(store, EventFilter.ALL, 2, 2, page -> pages.add(page.stream().map(EventEnvelope::position).toList()));

        assertThat(pages).containsExactly(List.of(2L, 3L), List.of(4L, 5L));
    }

    @Test
    void stopsWhenTheReaderSaysSo() {
        List<Long> seen = new ArrayList<>();
        LogPages.forEach(store, EventFilter.ALL, 1, 2, page -> {
            page.forEach(e -> seen.add(e.position()));
            return false;
        });

        assertThat(seen).containsExactly(1L, 2L);
    }

    @Test
    void allReadsEveryMatchingEvent() {
        assertThat(LogPages.all(store, EventFilter.correlation("odd"))).extracting(EventEnvelope::position)
                .containsExactly(1L, 3L, 5L);
    }
}
