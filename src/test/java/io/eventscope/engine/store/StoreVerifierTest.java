package io.eventscope.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.Metadata;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.store.VerificationReport.Finding;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StoreVerifierTest {

    private static NewEvent event(String id, String causation) {
        return new NewEvent(id, "E", null, null, 1, null, Json.object(), Metadata.of("u", "c", causation));
    }

    @Test
    void aStoreWrittenThroughTheStoreIsSoundAndCausationsResolveToEventsOrKnownCommands() {
        try (OpenStore open = Stores.open("mem")) {
            EventStore store = open.store();
            store.append("order-1", ExpectedVersion.NO_STREAM, List.of(event("e1", "cmd-1"), event("e2", "e1")));
            store.append("payment-1", ExpectedVersion.NO_STREAM, List.of(event("e3", "e2")));
            store.append("order-1", ExpectedVersion.exactly(2), List.of(event("e4", "cmd-2")));

            VerificationReport withJournal = StoreVerifier.verify(store, Set.of("cmd-1", "cmd-2")::contains);
            assertThat(withJournal.sound()).isTrue();
            assertThat(withJournal.events()).isEqualTo(4);
            assertThat(withJournal.streams()).isEqualTo(2);
            assertThat(withJournal.headPosition()).isEqualTo(4);
            assertThat(withJournal.findings()).isEmpty();
            assertThat(withJournal.danglingCausationCount()).isZero();

            VerificationReport withoutJournal = StoreVerifier.verify(store);
            assertThat(withoutJournal.sound()).isTrue();
            assertThat(withoutJournal.danglingCausations()).extracting(Finding::position).containsExactly(1L, 4L);
            assertThat(withoutJournal.danglingCausations().get(0).detail()).contains("cmd-1");
        }
    }

    @Test
    void findsGapsVersionJumpsAndDuplicateIdsInABrokenCopy() throws Exception {
        try (OpenStore open = Stores.open("jdbc:h2:mem:broken-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
             Connection c = open.database().connection()) {
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE events DROP CONSTRAINT events_event_id");
            }
            insertRaw(c, 1, "a", "order-1", 1);
            insertRaw(c, 2, "b", "order-1", 2);
            insertRaw(c, 4, "c", "order-1", 4);
            insertRaw(c, 5, "a", "order-2", 1);

            VerificationReport report = StoreVerifier.verify(open.store());

            assertThat(report.sound()).isFalse();
            assertThat(report.findings()).extracting(Finding::kind, Finding::position).containsExactly(
                    tuple("position-gap", 4L),
                    tuple("stream-version", 4L),
                    tuple("duplicate-event-id", 5L));
            assertThat(report.findings().get(0).detail()).contains("3");
            assertThat(report.findings().get(1).detail()).contains("order-1", "from version 2 to 4");
            assertThat(report.findingCount()).isEqualTo(3);

            JsonNode json = Json.MAPPER.valueToTree(report);
            assertThat(json.get("sound").asBoolean()).isFalse();
            assertThat(json.get("findings").get(2).get("kind").asText()).isEqualTo("duplicate-event-id");
            assertThat(json.get("events").asLong()).isEqualTo(4);
        }
    }

    private static void insertRaw(Connection c, long position, String id, String stream, long version) throws Exception {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO events (position, event_id, stream_id, version,"
                + " event_type, schema_version, ts, data) VALUES (?, ?, ?, ?, 'E', 1, ?, '{}')")) {
            s.setLong(1, position);
            s.setString(2, id);
            s.setString(3, stream);
            s.setLong(4, version);
            s.setObject(5, OffsetDateTime.now());
            s.executeUpdate();
        }
    }
}
