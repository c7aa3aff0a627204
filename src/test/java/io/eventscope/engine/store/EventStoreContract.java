package io.eventscope.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.Metadata;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.event.RawEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every EventStore must do; one subclass per implementation. */
public abstract class EventStoreContract {
    protected OpenStore open;
    protected EventStore store;

    /** A fresh, empty store. */
    protected abstract OpenStore openEmpty() throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        open = openEmpty();
        store = open.store();
    }

    @AfterEach
    void closeStore() {
        open.close();
    }

    protected static NewEvent event(String type, String json) {
        return NewEvent.of(type, Json.parse(json), Metadata.EMPTY);
    }

    protected static NewEvent event(String id, String type, String json, Metadata metadata) {
        return new NewEvent(id, type, null, null, 1, null, Json.parse(json), metadata);
    }

    protected static NewEvent at(Instant timestamp, String type) {
        return new NewEvent(null, type, null, null, 1, timestamp, Json.object(), Metadata.EMPTY);
    }

    protected AppendResult append(String stream, ExpectedVersion expected, NewEvent... events) {
        return store.append(stream, expected, List.of(events));
    }

    protected List<EventEnvelope> readAll() {
        return store.read(EventFilter.ALL, 1, Integer.MAX_VALUE, Direction.FORWARDS);
    }

    // --- appending and reading back

    @Test
    void appendAssignsVersionsAndPositionsAndReadsBackEveryField() {
        Instant when = Instant.parse("2024-03-01T10:15:30.123456789Z");
        Metadata meta = new Metadata("alice", "corr-1", "cmd-1", Map.of("tenant", "acme"));
        NewEvent placed = new NewEvent("e-1", "OrderPlaced", "order", "o1", 2, when,
                Json.parse("{\"total\":12.50,\"lines\":[{\"sku\":\"A\",\"qty\":2}]}"), meta);
        AppendResult first = append("order-o1", ExpectedVersion.NO_STREAM, placed, event("OrderPaid", "{}"));
        AppendResult second = append("order-o2", ExpectedVersion.ANY, event("OrderPlaced", "{}"));

        assertThat(first).isEqualTo(new AppendResult("order-o1", 2, 2));
        assertThat(second).isEqualTo(new AppendResult("order-o2", 1, 3));
        EventEnvelope read = store.readStream("order-o1", 1, 10, Direction.FORWARDS).get(0);
        assertThat(read.eventId()).isEqualTo("e-1");
        assertThat(read.eventType()).isEqualTo("OrderPlaced");
        assertThat(read.aggregateType()).isEqualTo("order");
        assertThat(read.aggregateId()).isEqualTo("o1");
        assertThat(read.streamId()).isEqualTo("order-o1");
        assertThat(read.version()).isEqualTo(1);
        assertThat(read.schemaVersion()).isEqualTo(2);
        assertThat(read.position()).isEqualTo(1);
        assertThat(read.timestamp()).isEqualTo(when);
        assertThat(read.data()).isEqualTo(placed.data());
        assertThat(read.data().get("total").decimalValue()).isEqualByComparingTo(new BigDecimal("12.50"));
        assertThat(read.metadata()).isEqualTo(meta);
    }

    @Test
    void eventsWithoutTimestampGetTheAppendTimeAndAggregateFromTheStreamId() {
        Instant before = Instant.now().minusSeconds(1);
        append("payment-p-9", ExpectedVersion.ANY, event("PaymentTaken", "{}"));
        EventEnvelope e = readAll().get(0);
        assertThat(e.timestamp()).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(e.aggregateType()).isEqualTo("payment");
        assertThat(e.aggregateId()).isEqualTo("p-9");
    }

    @Test
    void readsAStreamFromAVersionForwardsAndBackwards() {
        for (int i = 1; i <= 5; i++) {
            append("cart-c1", ExpectedVersion.ANY, event("ItemAdded", "{\"n\":" + i + "}"));
            append("cart-c2", ExpectedVersion.ANY, event("ItemAdded", "{\"n\":" + i + "}"));
        }
        assertThat(versions(store.readStream("cart-c1", 2, 3, Direction.FORWARDS))).containsExactly(2L, 3L, 4L);
        assertThat(versions(store.readStream("cart-c1", 4, 10, Direction.BACKWARDS))).containsExactly(4L, 3L, 2L, 1L);
        assertThat(versions(store.readStream("cart-c1", Long.MAX_VALUE, 2, Direction.BACKWARDS))).containsExactly(5L, 4L);
        assertThat(store.readStream("cart-c1", 6, 10, Direction.FORWARDS)).isEmpty();
        assertThat(store.readStream("no-such", 1, 10, Direction.FORWARDS)).isEmpty();
        assertThat(store.streamVersion("cart-c1")).isEqualTo(5);
        assertThat(store.streamVersion("no-such")).isZero();
    }

    @Test
    void readsRawEventsAsTheParsedReadWithTheDataAsJsonText() {
        append("order-1", ExpectedVersion.NO_STREAM, event("e-1", "OrderPlaced", "{\"total\":25.00,\"note\":\"caf\u00e9\"}",
                new Metadata("alice", "c-1", "cmd-1", Map.of("tenant", "acme"))));
        append("order-2", ExpectedVersion.NO_STREAM, event("E", "{\"items\":[{\"sku\":\"A\",\"qty\":2}]}"));
        append("order-1", ExpectedVersion.ANY, event("E", "{}"));

        List<RawEvent> raw = store.readRaw(EventFilter.stream("order-1"), 1, 10);
        List<EventEnvelope> parsed = store.read(EventFilter.stream("order-1"), 1, 10, Direction.FORWARDS);
        assertThat(raw).hasSize(2);
        for (int i = 0; i < raw.size(); i++) {
            RawEvent r = raw.get(i);
            EventEnvelope e = parsed.get(i);
            assertThat(Json.parse(r.data())).isEqualTo(e.data());
            assertThat(new RawEvent(e.eventId(), e.eventType(), e.aggregateType(), e.aggregateId(), e.streamId(),
                    e.version(), e.schemaVersion(), e.position(), e.timestamp(), r.data(), e.metadata())).isEqualTo(r);
        }
        assertThat(store.readRaw(EventFilter.ALL, 2, 1)).extracting(RawEvent::position).containsExactly(2L);
    }

    @Test
    void readsTheGlobalLogFromAPositionInBothDirections() {
        for (int i = 1; i <= 6; i++) {
            append("s-" + (i % 2), ExpectedVersion.ANY, event("E", "{}"));
        }
        assertThat(positions(store.read(EventFilter.ALL, 3, 2, Direction.FORWARDS))).containsExactly(3L, 4L);
        assertThat(positions(store.read(EventFilter.ALL, 4, 10, Direction.BACKWARDS))).containsExactly(4L, 3L, 2L, 1L);
        assertThat(positions(store.read(EventFilter.ALL, Long.MAX_VALUE, 2, Direction.BACKWARDS))).containsExactly(6L, 5L);
        assertThat(positions(store.read(EventFilter.stream("s-1"), Long.MAX_VALUE, 10, Direction.BACKWARDS)))
                .containsExactly(5L, 3L, 1L);
        assertThat(store.headPosition()).isEqualTo(6);
    }

    @Test
    void listsStreamsWithTheirLengthsOrderedById() {
        assertThat(store.streams()).isEmpty();
        assertThat(store.headPosition()).isZero();
        append("b-1", ExpectedVersion.ANY, event("E", "{}"), event("E", "{}"));
        append("a-1", ExpectedVersion.ANY, event("E", "{}"));
        append("b-1", ExpectedVersion.ANY, event("E", "{}"));
        assertThat(store.streams()).containsExactly(new StreamInfo("a-1", 1), new StreamInfo("b-1", 3));
        assertThat(store.headPosition()).isEqualTo(4);
    }

    // --- expected versions

    @Test
    void noStreamAcceptsOnlyANewStream() {
        append("order-1", ExpectedVersion.NO_STREAM, event("E", "{}"));
        assertThatThrownBy(() -> append("order-1", ExpectedVersion.NO_STREAM, event("E", "{}")))
                .isInstanceOf(ConcurrencyConflictException.class);
        assertThat(store.streamVersion("order-1")).isEqualTo(1);
    }

    @Test
    void streamExistsAcceptsOnlyAnExistingStream() {
        assertThatThrownBy(() -> append("order-1", ExpectedVersion.STREAM_EXISTS, event("E", "{}")))
                .isInstanceOf(ConcurrencyConflictException.class);
        assertThat(store.headPosition()).isZero();
        append("order-1", ExpectedVersion.ANY, event("E", "{}"));
        assertThat(append("order-1", ExpectedVersion.STREAM_EXISTS, event("E", "{}")).version()).isEqualTo(2);
    }

    @Test
    void exactVersionAcceptsOnlyThatVersion() {
        append("order-1", ExpectedVersion.exactly(0), event("E", "{}"), event("E", "{}"));
        assertThat(append("order-1", ExpectedVersion.exactly(2), event("E", "{}")).version()).isEqualTo(3);
        for (long wrong : new long[] {0, 2, 4}) {
            assertThatThrownBy(() -> append("order-1", ExpectedVersion.exactly(wrong), event("E", "{}")))
                    .isInstanceOf(ConcurrencyConflictException.class);
        }
        assertThat(store.streamVersion("order-1")).isEqualTo(3);
    }

    @Test
    void anyAcceptsNewAndExistingStreams() {
        assertThat(append("order-1", ExpectedVersion.ANY, event("E", "{}")).version()).isEqualTo(1);
        assertThat(append("order-1", ExpectedVersion.ANY, event("E", "{}")).version()).isEqualTo(2);
    }

    @Test
    void aConflictNamesTheStreamTheExpectedAndTheActualVersion() {
        append("order-42", ExpectedVersion.ANY, event("E", "{}"), event("E", "{}"), event("E", "{}"));
        assertThatThrownBy(() -> append("order-42", ExpectedVersion.exactly(1), event("E", "{}")))
                .isInstanceOfSatisfying(ConcurrencyConflictException.class, e -> {
                    assertThat(e.streamId()).isEqualTo("order-42");
                    assertThat(e.expected()).isEqualTo(ExpectedVersion.exactly(1));
                    assertThat(e.actual()).isEqualTo(3);
                    assertThat(e.getMessage()).contains("order-42", "expected 1", "actual 3");
                });
        assertThatThrownBy(() -> append("order-7", ExpectedVersion.STREAM_EXISTS, event("E", "{}")))
                .hasMessageContaining("order-7").hasMessageContaining("expected exists")
                .hasMessageContaining("actual no stream");
    }

    // --- atomicity

    @Test
    void aConflictInAMultiStreamAppendLeavesNothing() {
        append("stock-1", ExpectedVersion.ANY, event("Stocked", "{}"));
        assertThatThrownBy(() -> store.appendAll(List.of(
                new StreamAppend("order-1", ExpectedVersion.NO_STREAM, List.of(event("OrderPlaced", "{}"))),
                new StreamAppend("stock-1", ExpectedVersion.exactly(5), List.of(event("Reserved", "{}"))))))
                .isInstanceOf(ConcurrencyConflictException.class).hasMessageContaining("stock-1");
        assertThat(store.streamVersion("order-1")).isZero();
        assertThat(store.headPosition()).isEqualTo(1);
        assertThat(store.streams()).containsExactly(new StreamInfo("stock-1", 1));
        // and the next append continues without a gap
        assertThat(append("order-1", ExpectedVersion.NO_STREAM, event("OrderPlaced", "{}")).position()).isEqualTo(2);
    }

    @Test
    void aBatchReusingAnIdWithOtherContentLeavesNothing() {
        append("a-1", ExpectedVersion.ANY, event("x-1", "E", "{\"v\":1}", Metadata.EMPTY));
        assertThatThrownBy(() -> append("b-1", ExpectedVersion.ANY,
                event("fresh", "E", "{}", Metadata.EMPTY), event("x-1", "E", "{\"v\":2}", Metadata.EMPTY)))
                .isInstanceOf(DuplicateEventException.class).hasMessageContaining("x-1");
        assertThat(store.streamVersion("b-1")).isZero();
        assertThat(store.headPosition()).isEqualTo(1);
    }

    @Test
    void anIdTwiceInOneAppendIsRefusedBeforeAnythingIsStored() {
        NewEvent twice = event("same", "E", "{}", Metadata.EMPTY);
        assertThatThrownBy(() -> append("order-1", ExpectedVersion.ANY, twice, twice))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same").hasMessageContaining("twice");
        assertThat(store.headPosition()).isZero();
    }

    @Test
    void appendsToTheSameStreamInOneCallSeeEachOther() {
        List<AppendResult> results = store.appendAll(List.of(
                new StreamAppend("order-1", ExpectedVersion.NO_STREAM, List.of(event("A", "{}"))),
                new StreamAppend("order-1", ExpectedVersion.exactly(1), List.of(event("B", "{}"), event("C", "{}")))));
        assertThat(results).containsExactly(new AppendResult("order-1", 1, 1), new AppendResult("order-1", 3, 3));
    }

    // --- idempotency

    @Test
    void reappendingTheSameEventsReturnsTheOriginalResultAndStoresNothing() {
        Metadata meta = Metadata.of("u", "c", null);
        NewEvent a = event("id-a", "E", "{\"x\":1}", meta);
        NewEvent b = event("id-b", "E", "{\"x\":2}", meta);
        AppendResult original = append("order-1", ExpectedVersion.NO_STREAM, a, b);
        append("order-1", ExpectedVersion.ANY, event("E", "{}"));
        // a retry with the expected version it had the first time is still recognised
        assertThat(append("order-1", ExpectedVersion.NO_STREAM, a, b)).isEqualTo(original);
        assertThat(append("order-1", ExpectedVersion.ANY, event("id-a", "E", "{\"x\":1}", meta)))
                .isEqualTo(new AppendResult("order-1", 1, 1));
        assertThat(store.headPosition()).isEqualTo(3);
    }

    @Test
    void theSameIdWithOtherContentIsRefusedWithAClearError() {
        append("order-1", ExpectedVersion.ANY, event("id-a", "E", "{\"x\":1}", Metadata.EMPTY));
        assertThatThrownBy(() -> append("order-1", ExpectedVersion.ANY, event("id-a", "E", "{\"x\":2}", Metadata.EMPTY)))
                .isInstanceOf(DuplicateEventException.class).hasMessageContaining("id-a").hasMessageContaining("data");
        assertThatThrownBy(() -> append("order-2", ExpectedVersion.ANY, event("id-a", "E", "{\"x\":1}", Metadata.EMPTY)))
                .isInstanceOf(DuplicateEventException.class).hasMessageContaining("order-1");
        assertThatThrownBy(() -> append("order-1", ExpectedVersion.ANY,
                event("id-a", "E", "{\"x\":1}", Metadata.of("someone", null, null))))
                .isInstanceOf(DuplicateEventException.class).hasMessageContaining("metadata");
        assertThat(store.headPosition()).isEqualTo(1);
    }

    // --- filters

    @Test
    void filtersByStreamPatternWithWildcardsTakenLiterallyOtherwise() {
        append("order-1", ExpectedVersion.ANY, event("E", "{}"));
        append("order-2", ExpectedVersion.ANY, event("E", "{}"));
        append("order_x", ExpectedVersion.ANY, event("E", "{}"));
        append("orders%-1", ExpectedVersion.ANY, event("E", "{}"));
        append("payment-1", ExpectedVersion.ANY, event("E", "{}"));
        assertThat(streamsOf(EventFilter.stream("order-*"))).containsExactly("order-1", "order-2");
        assertThat(streamsOf(EventFilter.stream("*-1"))).containsExactly("order-1", "orders%-1", "payment-1");
        assertThat(streamsOf(EventFilter.stream("order_*"))).containsExactly("order_x");
        assertThat(streamsOf(EventFilter.stream("orders%*"))).containsExactly("orders%-1");
        assertThat(streamsOf(EventFilter.stream("order-1"))).containsExactly("order-1");
        assertThat(streamsOf(EventFilter.stream("order"))).isEmpty();
        assertThat(store.count(EventFilter.stream("order*"))).isEqualTo(4);
    }

    @Test
    void filtersByTypeCorrelationAndCausation() {
        append("order-1", ExpectedVersion.ANY, event("p1", "OrderPlaced", "{}", Metadata.of("u", "c1", "cmd-1")));
        append("payment-1", ExpectedVersion.ANY, event("p2", "PaymentTaken", "{}", Metadata.of("u", "c1", "p1")));
        append("order-2", ExpectedVersion.ANY, event("p3", "OrderPlaced", "{}", Metadata.of("u", "c2", "cmd-2")));
        append("stock-1", ExpectedVersion.ANY, event("p4", "StockReserved", "{}", Metadata.of("u", "c1", "p1")));

        assertThat(idsOf(EventFilter.type("OrderPlaced"))).containsExactly("p1", "p3");
        assertThat(idsOf(EventFilter.ALL.withTypes(Set.of("PaymentTaken", "StockReserved")))).containsExactly("p2", "p4");
        assertThat(idsOf(EventFilter.correlation("c1"))).containsExactly("p1", "p2", "p4");
        assertThat(idsOf(EventFilter.causation("p1"))).containsExactly("p2", "p4");
        assertThat(idsOf(EventFilter.correlation("c1").withTypes(Set.of("OrderPlaced")))).containsExactly("p1");
        assertThat(store.count(EventFilter.correlation("c1"))).isEqualTo(3);
        assertThat(store.count(EventFilter.causation("nothing"))).isZero();
        assertThat(positions(store.read(EventFilter.correlation("c1"), Long.MAX_VALUE, 2, Direction.BACKWARDS)))
                .containsExactly(4L, 2L);
    }

    @Test
    void filtersByTimeWindowFromInclusiveToExclusive() {
        Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
        append("s-1", ExpectedVersion.ANY, at(t0, "A"), at(t0.plusSeconds(10), "B"), at(t0.plusSeconds(20), "C"));
        assertThat(typesOf(EventFilter.ALL.withTimeWindow(t0.plusSeconds(10), t0.plusSeconds(20)))).containsExactly("B");
        assertThat(typesOf(EventFilter.ALL.withTimeWindow(t0.plusSeconds(10), null))).containsExactly("B", "C");
        assertThat(typesOf(EventFilter.ALL.withTimeWindow(null, t0.plusNanos(1)))).containsExactly("A");
        EventFilter firstTwenty = EventFilter.ALL.withTimeWindow(t0, t0.plusSeconds(20));
        assertThat(store.read(firstTwenty, Long.MAX_VALUE, 10, Direction.BACKWARDS))
                .extracting(EventEnvelope::eventType).containsExactly("B", "A");
        assertThat(store.read(firstTwenty, 2, 10, Direction.FORWARDS)).extracting(EventEnvelope::eventType)
                .containsExactly("B");
        assertThat(typesOf(EventFilter.ALL.withTimeWindow(t0.minusSeconds(5), t0))).isEmpty();
        assertThat(store.count(firstTwenty)).isEqualTo(2);
    }

    @Test
    void filtersByWholeWordsAndWordStartsInTheDataAndMetadataIgnoringCase() {
        append("s-1", ExpectedVersion.ANY, event("A", "{\"customer\":\"Ada Lovelace\",\"sku\":\"SKU-1001\"}"),
                event("B", "{\"customer\":\"Alan Turing\",\"note\":\"100% sure_\"}"),
                new NewEvent(null, "C", null, null, 1, null, Json.object(),
                        new Metadata("grace", "corr-7f3a-12", null, Map.of("tenant", "Acme-North"))));
        assertThat(typesOf(EventFilter.ALL.withText("lovelace"))).containsExactly("A");
        assertThat(typesOf(EventFilter.ALL.withText("TURING"))).containsExactly("B");
        assertThat(typesOf(EventFilter.ALL.withText("sku-10"))).containsExactly("A");
        assertThat(typesOf(EventFilter.ALL.withText("sure_ 100%"))).containsExactly("B");
        assertThat(typesOf(EventFilter.ALL.withText("corr-7f3a"))).containsExactly("C");
        assertThat(typesOf(EventFilter.ALL.withText("acme-north grace"))).containsExactly("C");
        assertThat(typesOf(EventFilter.ALL.withText("tenant"))).containsExactly("C");
        assertThat(typesOf(EventFilter.ALL.withText("Grace Lovelace"))).isEmpty();
        assertThat(typesOf(EventFilter.ALL.withText("velace"))).as("not a piece from inside a word").isEmpty();
        assertThat(typesOf(EventFilter.ALL.withText("customer"))).as("not a field name of the data").isEmpty();
        assertThat(store.count(EventFilter.ALL.withText("a"))).isEqualTo(3);
        assertThatThrownBy(() -> EventFilter.ALL.withText("%")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no letter or digit");
    }

    // --- subscriptions

    // --- schema versions

    private void appendShapes() {
        int[] versions = {1, 3, 1, 2, 3, 1};
        for (int i = 0; i < versions.length; i++) {
            append("order-o" + i, ExpectedVersion.NO_STREAM,
                    new NewEvent(null, "OrderCreated", null, null, versions[i], null, Json.object(), Metadata.EMPTY),
                    new NewEvent(null, "OrderPaid", null, null, 1, null, Json.object(), Metadata.EMPTY));
        }
    }

    @Test
    void countsEventsPerTypeAndSchemaVersionUpToAPosition() {
        appendShapes();

        assertThat(store.countBySchemaVersion(store.headPosition())).isEqualTo(Map.of(
                "OrderCreated", Map.of(1, 3L, 2, 1L, 3, 2L), "OrderPaid", Map.of(1, 6L)));
        assertThat(store.countBySchemaVersion(4)).isEqualTo(Map.of(
                "OrderCreated", Map.of(1, 1L, 3, 1L), "OrderPaid", Map.of(1, 2L)));
        assertThat(store.countBySchemaVersion(0)).isEmpty();
    }

    @Test
    void readsTheEventsOfOneTypeAndSchemaVersionInPositionOrderWithinBounds() {
        appendShapes(); // OrderCreated v1 at positions 1, 5 and 11

        assertThat(store.readSchemaVersion("OrderCreated", 1, 1, Long.MAX_VALUE, 100))
                .extracting(EventEnvelope::position).containsExactly(1L, 5L, 11L);
        assertThat(store.readSchemaVersion("OrderCreated", 1, 2, Long.MAX_VALUE, 1))
                .extracting(EventEnvelope::position).containsExactly(5L);
        assertThat(store.readSchemaVersion("OrderCreated", 1, 1, 10, 100))
                .extracting(EventEnvelope::position).containsExactly(1L, 5L);
        assertThat(store.readSchemaVersion("OrderCreated", 1, 6, 10, 100)).isEmpty();
        assertThat(store.readSchemaVersion("OrderPaid", 3, 1, Long.MAX_VALUE, 100)).isEmpty();
    }

    @Test
    void looksUpThePositionsOfStoredEventIds() {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 1_200; i++) {
            append("s-" + i, ExpectedVersion.NO_STREAM, event("e-" + i, "Stored", "{}", Metadata.EMPTY));
            ids.add(i % 2 == 0 ? "e-" + i : "unknown-" + i);
        }

        Map<String, Long> positions = store.positionsOf(ids);

        assertThat(positions).hasSize(600).containsEntry("e-2", 2L).containsEntry("e-1200", 1_200L)
                .doesNotContainKey("unknown-1");
        assertThat(store.positionsOf(List.of())).isEmpty();
    }

    @Test
    void readsTheEventAtAPositionAndNothingWhereThereIsNone() {
        append("a-1", ExpectedVersion.ANY, event("A", "{}"), event("B", "{}"));
        append("b-1", ExpectedVersion.ANY, event("C", "{}"));

        assertThat(store.eventAt(2)).map(EventEnvelope::eventType).contains("B");
        assertThat(store.eventAt(3)).map(EventEnvelope::streamId).contains("b-1");
        assertThat(store.eventAt(4)).isEmpty();
        assertThat(store.eventAt(0)).isEmpty();
    }

    @Test
    void aSubscriptionCatchesUpThenDeliversLiveEventsInOrder() throws Exception {
        for (int i = 0; i < 10; i++) {
            append("s-" + i, ExpectedVersion.ANY, event("E", "{}"));
        }
        List<Long> seen = Collections.synchronizedList(new ArrayList<>());
        try (Subscription s = store.subscribe(4, e -> seen.add(e.position()))) {
            await(() -> seen.size() == 7);
            append("late-1", ExpectedVersion.ANY, event("E", "{}"), event("E", "{}"));
            await(() -> seen.size() == 9);
            assertThat(seen).containsExactlyElementsOf(range(4, 12));
            assertThat(s.lastDeliveredPosition()).isEqualTo(12);
            s.cancel();
            assertThat(s.isCancelled()).isTrue();
            append("after-1", ExpectedVersion.ANY, event("E", "{}"));
            Thread.sleep(300);
            assertThat(seen).hasSize(9);
        }
    }

    /**
     * Eight writers race on one stream with exact expected versions, retrying on conflict;
     * a subscriber reads along. The first attempts all expect the empty stream, so conflicts
     * are certain; a store that ignored the expected version would acknowledge them anyway.
     */
    @Test
    void eightWritersOnOneStreamLoseNothingDuplicateNothingAndReportEveryConflict() throws Exception {
        int writers = 8;
        int perWriter = 40;
        int total = writers * perWriter;
        List<Long> seen = Collections.synchronizedList(new ArrayList<>());
        Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger conflicts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CyclicBarrier firstAttempt = new CyclicBarrier(writers);
        try (Subscription s = store.subscribe(1, e -> seen.add(e.position()))) {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    boolean first = true;
                    for (int i = 0; i < perWriter; i++) {
                        NewEvent e = event("w" + writer + "-" + i, "Counted", "{\"writer\":" + writer + "}", Metadata.EMPTY);
                        while (true) {
                            long version = store.streamVersion("counter-1");
                            if (first) {
                                firstAttempt.await(20, TimeUnit.SECONDS);
                                first = false;
                            }
                            try {
                                AppendResult result = store.append("counter-1", ExpectedVersion.exactly(version), List.of(e));
                                assertThat(result.version()).as("version acknowledged after expecting %d", version)
                                        .isEqualTo(version + 1);
                                assertThat(acknowledged.putIfAbsent(result.version(), e.eventId()))
                                        .as("version %d acknowledged twice", result.version()).isNull();
                                break;
                            } catch (ConcurrencyConflictException conflict) {
                                assertThat(conflict.streamId()).isEqualTo("counter-1");
                                assertThat(conflict.expected()).isEqualTo(ExpectedVersion.exactly(version));
                                assertThat(conflict.actual()).isGreaterThan(version)
                                        .isLessThanOrEqualTo(store.streamVersion("counter-1"));
                                assertThat(conflict.getMessage()).contains("actual " + conflict.actual());
                                conflicts.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            await(() -> seen.size() >= total);
            Thread.sleep(100);

            assertThat(conflicts.get()).isGreaterThanOrEqualTo(writers - 1);
            List<EventEnvelope> stream = store.readStream("counter-1", 1, Integer.MAX_VALUE, Direction.FORWARDS);
            assertThat(versions(stream)).containsExactlyElementsOf(range(1, total));
            assertThat(stream).allSatisfy(e -> assertThat(e.eventId())
                    .as("event at version %d", e.version()).isEqualTo(acknowledged.get(e.version())));
            assertThat(acknowledged).hasSize(total);
            assertThat(seen).containsExactlyElementsOf(range(1, total));
        } finally {
            pool.shutdownNow();
        }
    }

    // --- helpers

    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(10);
        }
    }

    List<String> streamsOf(EventFilter filter) {
        return store.read(filter, 1, 100, Direction.FORWARDS).stream().map(EventEnvelope::streamId).toList();
    }

    List<String> idsOf(EventFilter filter) {
        return store.read(filter, 1, 100, Direction.FORWARDS).stream().map(EventEnvelope::eventId).toList();
    }

    List<String> typesOf(EventFilter filter) {
        return store.read(filter, 1, 100, Direction.FORWARDS).stream().map(EventEnvelope::eventType).toList();
    }

    static List<Long> versions(List<EventEnvelope> events) {
        return events.stream().map(EventEnvelope::version).toList();
    }

    static List<Long> positions(List<EventEnvelope> events) {
        return events.stream().map(EventEnvelope::position).toList();
    }

    /** from..to inclusive, for comparing with positions and versions. */
    static List<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }
}
