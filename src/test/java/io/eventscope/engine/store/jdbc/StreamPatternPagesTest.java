package io.eventscope.engine.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.Metadata;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.store.StreamAppend;
import io.eventscope.engine.store.Stores;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A stream pattern read page by page (a read model's rebuild) on a log longer than the primary
 * key walk a page may take: a dense pattern is served by the walk, a rare one by the walk and
 * then the indexes, in both directions, with pages that end inside and beyond the walk.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamPatternPagesTest {
    private static final int EVENTS = (int) StreamPatternWalk.MOST_WALKED + 2_000;
    /** Positions of the rare stream's events: near the start, within one walk of it, past it, at the head. */
    private static final Set<Integer> RARE = Set.of(3, 60_000, 66_600, EVENTS - 1, EVENTS);

    private OpenStore open;
    private final List<EventEnvelope> all = new ArrayList<>();

    @BeforeAll
    void fill() {
        open = Stores.open("jdbc:h2:mem:pattern-pages-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        List<StreamAppend> batch = new ArrayList<>();
        for (int i = 1; i <= EVENTS; i++) {
            String stream = RARE.contains(i) ? "rare-" + (i % 2) : (i % 3 == 0 ? "order-" : "payment-") + (i % 500);
            batch.add(new StreamAppend(stream, ExpectedVersion.ANY, List.of(new NewEvent("e" + i, "Happened", null, null, 1,
                    null, Json.object().put("n", i), new Metadata("u", "c", null, java.util.Map.of())))));
            if (batch.size() == 1_000 || i == EVENTS) {
                open.store().appendAll(batch);
                batch.clear();
            }
        }
        all.addAll(open.store().read(EventFilter.ALL, 1, EVENTS, Direction.FORWARDS));
        assertThat(all).hasSize(EVENTS);
    }

    @AfterAll
    void close() {
        open.close();
    }

    @Test
    void aRarePatternReadPageByPageFindsWhatAScanFinds() {
        EventFilter rare = EventFilter.stream("rare-*");
        assertThat(scan(rare)).hasSize(RARE.size());
        for (int page : new int[] {1, 2, 4, 10}) {
            assertThat(byPages(open.store(), rare, page, Direction.FORWARDS)).as("pages of %d", page).isEqualTo(scan(rare));
            assertThat(byPages(open.store(), rare, page, Direction.BACKWARDS)).as("pages of %d backwards", page)
                    .isEqualTo(reversed(scan(rare)));
        }
    }

    @Test
    void aDensePatternReadPageByPageFindsWhatAScanFinds() {
        EventFilter dense = EventFilter.stream("order-*");
        for (int page : new int[] {37, 2_000}) {
            assertThat(byPages(open.store(), dense, page, Direction.FORWARDS)).as("pages of %d", page).isEqualTo(scan(dense));
            assertThat(byPages(open.store(), dense, page, Direction.BACKWARDS)).as("pages of %d backwards", page)
                    .isEqualTo(reversed(scan(dense)));
        }
        assertThat(open.store().read(dense, 60_000, 5, Direction.FORWARDS)).extracting(EventEnvelope::position)
                .containsExactly(60_003L, 60_006L, 60_009L, 60_012L, 60_015L);
    }

    private List<Long> scan(EventFilter filter) {
        return all.stream().filter(filter.predicate()).map(EventEnvelope::position).toList();
    }

    private static List<Long> reversed(List<Long> positions) {
        List<Long> out = new ArrayList<>(positions);
        Collections.reverse(out);
        return out;
    }

    private static List<Long> byPages(EventStore store, EventFilter filter, int size, Direction direction) {
        List<Long> positions = new ArrayList<>();
        long from = direction == Direction.FORWARDS ? 1 : Long.MAX_VALUE;
        while (true) {
            List<EventEnvelope> page = store.read(filter, from, size, direction);
            page.forEach(e -> positions.add(e.position()));
            if (page.size() < size) {
                return positions;
            }
            long last = page.get(page.size() - 1).position();
            from = direction == Direction.FORWARDS ? last + 1 : last - 1;
        }
    }
}
