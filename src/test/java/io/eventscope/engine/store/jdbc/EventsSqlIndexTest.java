package io.eventscope.engine.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.Metadata;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.store.ExpectedVersion;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reads the store offers are served by indexes, not by scanning the log. */
class EventsSqlIndexTest {
    private Database db;

    /** Plans depend on statistics: load a store of some size first. */
    @BeforeEach
    void open() throws Exception {
        db = Database.open("jdbc:h2:mem:plans-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        JdbcEventStore store = new JdbcEventStore(db);
        for (int order = 0; order < 500; order++) {
            List<NewEvent> events = new ArrayList<>();
            for (int step = 0; step < 10; step++) {
                events.add(new NewEvent(null, "Type" + step, null, null, 1, null, Json.object(),
                        Metadata.of("u", "corr-" + order, "cause-" + order + "-" + step)));
            }
            store.append((order % 2 == 0 ? "order-" : "payment-") + order, ExpectedVersion.NO_STREAM, events);
        }
        store.close();
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            s.execute("ANALYZE");
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    private String plan(EventsSql.Query query) throws Exception {
        try (Connection c = db.connection(); PreparedStatement s = c.prepareStatement("EXPLAIN " + query.sql())) {
            for (int i = 0; i < query.params().size(); i++) {
                s.setObject(i + 1, query.params().get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1).toUpperCase();
            }
        }
    }

    @Test
    void theDryRunCountsAndReadsSchemaVersionsOnTheirIndex() throws Exception {
        assertThat(plan(new EventsSql.Query(EventsSql.READ_SCHEMA_VERSION, List.of("Type1", 1, 1L, Long.MAX_VALUE, 100))))
                .contains("EVENTS_TYPE_SCHEMA_VERSION").contains("INDEX SORTED");
        assertThat(plan(new EventsSql.Query(EventsSql.COUNT_BY_SCHEMA_VERSION, List.of(Long.MAX_VALUE))))
                .contains("EVENTS_TYPE_SCHEMA_VERSION");
    }

    private String readPlan(EventFilter filter) throws Exception {
        return plan(EventsSql.read(filter, 1, Long.MAX_VALUE, 100, Direction.FORWARDS));
    }

    private String positionsPlan(EventFilter condition) throws Exception {
        return plan(EventsSql.positions(condition));
    }

    /**
     * Narrow lookups read in position order on their index. The positions of the other filters
     * come from their index alone, never from the primary key (which would read whole rows).
     */
    @Test
    void eachLookupUsesItsIndex() throws Exception {
        assertThat(readPlan(EventFilter.correlation("c"))).contains("EVENTS_CORRELATION");
        assertThat(readPlan(EventFilter.causation("e"))).contains("EVENTS_CAUSATION");
        assertThat(readPlan(EventFilter.type("OrderPlaced"))).contains("EVENTS_TYPE").contains("INDEX SORTED");
        assertThat(readPlan(EventFilter.stream("order-1"))).contains("EVENTS_STREAM_VERSION");
        assertThat(readPlan(EventFilter.ALL)).contains("PRIMARY_KEY");
        assertThat(positionsPlan(EventFilter.ALL.withTypes(Set.of("Type1", "Type2")))).contains("EVENTS_TYPE");
        assertThat(positionsPlan(EventFilter.stream("order-1*"))).contains("EVENTS_STREAM_VERSION")
                .contains("STREAM_ID >=");
        assertThat(positionsPlan(EventFilter.ALL.withTimeWindow(Instant.parse("2020-01-01T00:00:00Z"),
                Instant.parse("2020-01-01T00:01:00Z")))).contains("EVENTS_TS");
        assertThat(plan(EventsSql.idsStartingWith("corr-1"))).contains("EVENTS_CORRELATION").contains("EVENTS_CAUSATION");
        assertThat(plan(new EventsSql.Query(TextIndex.PREFIX_IN_EPOCH, List.of(0L, "sku-1", "sku-2"))))
                .contains("PRIMARY_KEY").contains("EPOCH = ?1").contains("WORD >= ?2");
    }

    /** What combined filters and stream pattern pages added: each a range of one index, or the primary key's. */
    @Test
    void narrowedLookupsUseOneRangeOfAnIndex() throws Exception {
        assertThat(plan(EventsSql.positionsBetween(EventFilter.type("Type3"), 1_000, 4_000))).contains("EVENTS_TYPE")
                .contains("EVENT_TYPE = ?1").contains("POSITION >= ?2").contains("POSITION <= ?3");
        assertThat(plan(new EventsSql.Query(EventsSql.STREAMS_BEFORE, List.of("order-", 10))))
                .contains("EVENTS_STREAM_VERSION").contains("STREAM_ID < ?1");
        assertThat(plan(new EventsSql.Query(EventsSql.STREAMS_FROM, List.of("order.", 10))))
                .contains("EVENTS_STREAM_VERSION").contains("STREAM_ID >= ?1");
        for (Direction direction : Direction.values()) {
            assertThat(plan(new EventsSql.Query(EventsSql.eventsBetween(direction), List.of(1L, 600L))))
                    .contains("PRIMARY_KEY").contains("INDEX SORTED");
        }
    }
}
