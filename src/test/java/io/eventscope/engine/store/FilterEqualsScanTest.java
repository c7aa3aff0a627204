package io.eventscope.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.Metadata;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.store.jdbc.HeldBackIndex;
import io.eventscope.engine.store.jdbc.JdbcEventStore;
import io.eventscope.engine.store.jdbc.TestPostgres;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every filter of the Events view, alone and combined, gives on each store what a full scan
 * of the log with the filter's own rule gives: the same events, in both directions, the same
 * positions and the same count; and the stats counters give what counting the log gives. The
 * log has many types, streams, times and texts, some only in metadata. The H2 and PostgreSQL
 * stores index in the background as they would for a person (the last, partial block is never
 * indexed, so it is read); two more H2 stores hold their filter index back, at nothing (a store
 * written by an older release) and part way (a slow indexer, or a crash with the index behind).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FilterEqualsScanTest {
    private static final int EVENTS = 6_000;
    /** Small pages, so that a page's search spans many of the store's search windows. */
    private static final int PAGE_BY_PAGE = 37;
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

    private final List<OpenStore> stores = new ArrayList<>();
    private final List<EventEnvelope> all = new ArrayList<>();
    private TestPostgres postgres;

    @BeforeAll
    void fill() throws SQLException, InterruptedException {
        postgres = TestPostgres.create("filters");
        stores.add(new OpenStore(new InMemoryEventStore(), null));
        stores.add(Stores.open("jdbc:h2:mem:filters-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
        stores.add(Stores.open(postgres.url()));
        OpenStore notIndexed = HeldBackIndex.open("jdbc:h2:mem:filters-none-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        OpenStore partlyIndexed = HeldBackIndex.open("jdbc:h2:mem:filters-part-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        stores.add(notIndexed);
        stores.add(partlyIndexed);
        Random random = new Random(42);
        List<StreamAppend> appends = new ArrayList<>();
        for (int i = 1; i <= EVENTS; i++) {
            String stream = (i % 3 == 0 ? "order-o" : "payment-p") + (i % 40);
            Map<String, String> extra = i % 5 == 0 ? Map.of("tenant", "Tenant-" + (i % 4), "trace", "tr" + i) : Map.of();
            Metadata m = new Metadata("user-" + (i % 6), "corr-" + (i % 70), i % 2 == 0 ? "cmd-" + (i % 90) : null, extra);
            appends.add(new StreamAppend(stream, ExpectedVersion.ANY, List.of(new NewEvent("e" + i, "Type" + (i % 11),
                    i % 4 == 0 ? "agg" + (i % 3) : null, null, 1, T0.plusSeconds(random.nextInt(100_000)), Json.object().put("sku", "SKU-" + (i % 13))
                    .put("note", i % 7 == 0 ? "Café 100% _done_" : "plain " + i), m))));
        }
        for (OpenStore s : stores) {
            for (int i = 0; i < appends.size(); i += 100) {
                s.store().appendAll(appends.subList(i, i + 100)); // many transactions, as a running system appends
            }
        }
        all.addAll(stores.get(0).store().read(EventFilter.ALL, 1, EVENTS, Direction.FORWARDS));
        for (OpenStore s : stores.subList(1, 3)) {
            assertThat(((JdbcEventStore) s.store()).awaitFilterIndex(Duration.ofMinutes(1)))
                    .as("%s indexed in the background", s.store().describe()).isTrue();
        }
        assertThat(HeldBackIndex.indexUpTo(partlyIndexed, 5_000)).isEqualTo(4_608);
    }

    @AfterAll
    void close() {
        stores.forEach(OpenStore::close);
        if (postgres != null) {
            postgres.close();
        }
    }

    Stream<EventFilter> filters() {
        Instant from = T0.plusSeconds(20_000);
        Instant to = T0.plusSeconds(45_000);
        return Stream.of(
                EventFilter.stream("order-o1"), EventFilter.stream("order-*"), EventFilter.stream("*-o1*"),
                EventFilter.ALL.withTypes(Set.of("Type3")), EventFilter.ALL.withTypes(Set.of("Type1", "Type10", "Nope")),
                EventFilter.correlation("corr-7"), EventFilter.causation("cmd-8"),
                EventFilter.ALL.withTimeWindow(from, to), EventFilter.ALL.withTimeWindow(from, null),
                EventFilter.ALL.withTimeWindow(null, to),
                EventFilter.ALL.withText("sku-1"), EventFilter.ALL.withText("CAFÉ 100%"), EventFilter.ALL.withText("_done_"),
                EventFilter.ALL.withText("tenant-3"), EventFilter.ALL.withText("USER-4"), EventFilter.ALL.withText("corr-69"),
                EventFilter.ALL.withText("cmd-1"), EventFilter.ALL.withText("trace"),
                EventFilter.ALL.withText("plain 12"), EventFilter.ALL.withText("12 PLAIN"),
                EventFilter.stream("payment-*").withTypes(Set.of("Type2", "Type5")).withText("sku-"),
                EventFilter.ALL.withTypes(Set.of("Type4")).withTimeWindow(from, to),
                new EventFilter("order-*", Set.of("Type0", "Type6"), "corr-3", null, null, null, null),
                new EventFilter(null, null, null, null, from, to, "tenant"),
                // a wide pattern over more than the few positions whose ids are read: the ids outside its prefix are cleared
                EventFilter.stream("payment-*").withText("sku"), EventFilter.stream("pay*").withText("plain"),
                // each condition looked up within the positions the ones before it left
                new EventFilter("order-*", Set.of("Type1", "Type2"), null, null, from, null, "sku"));
    }

    private static List<Long> newestFirst(List<Long> positions, int n) {
        List<Long> page = new ArrayList<>(positions.subList(Math.max(0, positions.size() - n), positions.size()));
        Collections.reverse(page);
        return page;
    }

    /** Every match, read page by page as a reader walks the log (a page's search starts where the last one ended). */
    private static List<Long> byPages(EventStore store, EventFilter filter, Direction direction) {
        List<Long> positions = new ArrayList<>();
        long from = direction == Direction.FORWARDS ? 1 : Long.MAX_VALUE;
        while (true) {
            List<EventEnvelope> page = store.read(filter, from, PAGE_BY_PAGE, direction);
            page.forEach(e -> positions.add(e.position()));
            if (page.size() < PAGE_BY_PAGE) {
                return positions;
            }
            long last = page.get(page.size() - 1).position();
            from = direction == Direction.FORWARDS ? last + 1 : last - 1;
        }
    }

    @ParameterizedTest
    @MethodSource("filters")
    void eachStoreFindsWhatAScanFinds(EventFilter filter) {
        List<Long> expected = all.stream().filter(filter.predicate()).map(EventEnvelope::position).toList();
        assertThat(expected).as("the scan finds something for %s", filter).isNotEmpty();
        for (OpenStore s : stores) {
            EventStore store = s.store();
            assertThat(store.count(filter)).as("%s count %s", store.describe(), filter).isEqualTo(expected.size());
            assertThat(store.read(filter, 1, EVENTS, Direction.FORWARDS)).extracting(EventEnvelope::position)
                    .as("%s forwards %s", store.describe(), filter).isEqualTo(expected);
            assertThat(store.read(filter, Long.MAX_VALUE, 7, Direction.BACKWARDS)).extracting(EventEnvelope::position)
                    .as("%s first page backwards %s", store.describe(), filter)
                    .isEqualTo(newestFirst(expected, 7));
            assertThat(byPages(store, filter, Direction.FORWARDS)).as("%s forwards in pages %s", store.describe(), filter)
                    .isEqualTo(expected);
            assertThat(byPages(store, filter, Direction.BACKWARDS)).as("%s backwards in pages %s", store.describe(), filter)
                    .isEqualTo(newestFirst(expected, expected.size()));
            assertThat(store.positions(filter, 1, EVENTS)).as("%s positions %s", store.describe(), filter)
                    .containsExactly(expected.stream().mapToLong(Long::longValue).toArray());
            assertThat(store.positions(filter, 3_000, 6_000)).as("%s positions 3000-6000 %s", store.describe(), filter)
                    .containsExactly(expected.stream().filter(p -> p >= 3_000 && p <= 6_000).mapToLong(Long::longValue).toArray());
            long[] some = expected.stream().limit(600).mapToLong(Long::longValue).toArray();
            assertThat(store.eventsAt(some)).extracting(EventEnvelope::position).as("%s events at", store.describe())
                    .containsExactly(LongStream.of(some).boxed().toArray(Long[]::new));
        }
    }

    /** Words inside a word are not searched: the index holds whole words, and a search word matches their starts. */
    @ParameterizedTest
    @MethodSource("pieces")
    void noStoreFindsAPieceFromInsideAWord(String piece) {
        EventFilter filter = EventFilter.ALL.withText(piece);
        assertThat(all.stream().filter(filter.predicate())).as("the scan finds %s", piece).isEmpty();
        for (OpenStore s : stores) {
            assertThat(s.store().count(filter)).as("%s count %s", s.store().describe(), filter).isZero();
        }
    }

    Stream<String> pieces() {
        return Stream.of("ku-1", "afé", "orr-6", "enant", "done_");
    }

    @org.junit.jupiter.api.Test
    void eachStoreCountsWhatAScanCounts() {
        Map<String, Long> byType = new TreeMap<>();
        Map<String, Long> byAggregate = new TreeMap<>();
        for (EventEnvelope e : all) {
            byType.merge(e.eventType(), 1L, Long::sum);
            byAggregate.merge(String.valueOf(e.aggregateType()), 1L, Long::sum);
        }
        long streams = all.stream().map(EventEnvelope::streamId).distinct().count();
        for (OpenStore s : stores) {
            StoreCounts counts = s.store().counts();
            assertThat(counts.byEventType()).as("%s per type", s.store().describe()).isEqualTo(byType);
            assertThat(counts.byAggregateType()).as("%s per aggregate type", s.store().describe()).isEqualTo(byAggregate);
            assertThat(counts.events()).isEqualTo(EVENTS);
            assertThat(counts.streams()).as("%s streams", s.store().describe()).isEqualTo(streams);
        }
    }
}
