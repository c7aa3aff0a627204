package io.eventscope.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.InMemoryEventStore;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventBridgeFormatTest {
    @TempDir
    Path dir;

    private final InMemoryEventStore store = ImportFixtures.sampleStore();

    @Test
    void anEnvelopeBecomesAPutEventsEntryKeepingCorrelationAndCausationInTheDetail() {
        EventEnvelope e = store.read(EventFilter.ALL, 1, 1, Direction.FORWARDS).get(0);

        ObjectNode entry = EventBridgeFormat.toPutEventsEntry(e, "eventscope.shop", "orders-bus");

        assertThat(entry.fieldNames()).toIterable().containsExactly("Source", "DetailType", "Detail", "EventBusName", "Time");
        assertThat(entry.get("Source").asText()).isEqualTo("eventscope.shop");
        assertThat(entry.get("DetailType").asText()).isEqualTo("OrderCreated");
        assertThat(entry.get("EventBusName").asText()).isEqualTo("orders-bus");
        assertThat(entry.get("Time").asText()).isEqualTo(e.timestamp().toString());
        assertThat(entry.get("Detail").isTextual()).as("PutEvents wants Detail as a JSON string").isTrue();
        JsonNode detail = Json.parse(entry.get("Detail").asText());
        assertThat(detail.get("eventId").asText()).isEqualTo("evt-1");
        assertThat(detail.get("streamId").asText()).isEqualTo("order-o1");
        assertThat(detail.get("data")).isEqualTo(e.data());
        assertThat(detail.get("metadata").get("correlationId").asText()).isEqualTo("corr-1");
        assertThat(detail.get("metadata").get("causationId").asText()).isEqualTo("cmd-1");
    }

    /** What EventBridge hands a Lambda target for an entry: its own id, account and region around our Source/DetailType/Detail/Time. */
    private static ObjectNode delivered(JsonNode entry, String id) {
        ObjectNode event = Json.object();
        event.put("version", "0");
        event.put("id", id);
        event.put("detail-type", entry.get("DetailType").asText());
        event.put("source", entry.get("Source").asText());
        event.put("account", "123456789012");
        event.put("time", entry.get("Time").asText());
        event.put("region", "eu-west-1");
        event.putArray("resources");
        event.set("detail", Json.parse(entry.get("Detail").asText()));
        return event;
    }

    @Test
    void exportAsEntriesThenImportTheDeliveriesGivesBackTheSameEvents() throws IOException {
        StringWriter out = new StringWriter();
        long written = new NdjsonExporter(store, ExportFormat.EVENTBRIDGE).export(EventFilter.ALL, out, ProgressMonitor.NONE);
        List<String> deliveries = new ArrayList<>();
        out.toString().lines()
                .forEach(line -> deliveries.add(Json.write(delivered(Json.parse(line), "eb-" + deliveries.size()))));
        Path file = dir.resolve("deliveries.ndjson");
        Files.write(file, deliveries);
        InMemoryEventStore target = new InMemoryEventStore();

        ImportReport report = NdjsonImporter.eventBridgeDeliveries(target).importFile(file, ImportOptions.ATOMIC, ProgressMonitor.NONE);

        assertThat(written).isEqualTo(30);
        assertThat(report.complete()).as(report.toString()).isTrue();
        assertThat(ImportFixtures.export(target, EventFilter.ALL)).isEqualTo(ImportFixtures.export(store, EventFilter.ALL));
    }

    @Test
    void aForeignEventIsMappedAsTheSeedsLambdaHandlerDoesWithTheBlanksFilledIn() {
        JsonNode delivery = Json.parse("""
                {"version":"0","id":"6a7e8feb-b491-4cf7-a9f1-bf3703467718","detail-type":"EC2 Instance State-change Notification",
                 "source":"aws.ec2","account":"111122223333","time":"2017-12-22T18:43:48Z","region":"us-west-1",
                 "resources":["arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0"],
                 "detail":{"instance-id":"i-1234567890abcdef0","state":"terminated"}}""");

        ImportedEvent imported = EventBridgeFormat.fromDelivery(delivery);

        assertThat(imported.streamId()).isEqualTo("eventbridge-aws.ec2");
        assertThat(imported.version()).as("appended at the end of the source's stream").isZero();
        assertThat(imported.event().eventId()).isEqualTo("6a7e8feb-b491-4cf7-a9f1-bf3703467718");
        assertThat(imported.event().eventType()).isEqualTo("EC2 Instance State-change Notification");
        assertThat(imported.event().timestamp()).isEqualTo(Instant.parse("2017-12-22T18:43:48Z"));
        assertThat(imported.event().data()).isEqualTo(delivery.get("detail"));
        assertThat(imported.event().metadata().extra()).containsEntry("eventbridge.source", "aws.ec2")
                .containsEntry("eventbridge.account", "111122223333").containsEntry("eventbridge.region", "us-west-1")
                .containsEntry("eventbridge.resources", "arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0");
    }

    @Test
    void foreignEventsFromOneSourceQueueUpInItsStream() throws IOException {
        Path file = dir.resolve("foreign.ndjson");
        Files.write(file, List.of(
                "{\"id\":\"a\",\"detail-type\":\"Ping\",\"source\":\"monitor\",\"time\":\"2026-01-01T00:00:00Z\",\"detail\":{}}",
                "{\"id\":\"b\",\"detail-type\":\"Ping\",\"source\":\"monitor\",\"time\":\"2026-01-01T00:00:01Z\",\"detail\":{}}",
                "{\"id\":\"c\",\"detail-type\":\"Ping\",\"source\":\"monitor\",\"detail\":{}}"));
        InMemoryEventStore target = new InMemoryEventStore();

        ImportReport report = NdjsonImporter.eventBridgeDeliveries(target).importFile(file, ImportOptions.ATOMIC, ProgressMonitor.NONE);

        assertThat(report.errors()).extracting(LineError::toString).containsExactly("line 3: missing field 'time'");
        assertThat(target.headPosition()).isZero();

        Files.write(file, List.of(
                "{\"id\":\"a\",\"detail-type\":\"Ping\",\"source\":\"monitor\",\"time\":\"2026-01-01T00:00:00Z\",\"detail\":{}}",
                "{\"id\":\"b\",\"detail-type\":\"Ping\",\"source\":\"monitor\",\"time\":\"2026-01-01T00:00:01Z\",\"detail\":{}}"));
        NdjsonImporter.eventBridgeDeliveries(target).importFile(file, ImportOptions.ATOMIC, ProgressMonitor.NONE);
        assertThat(target.readStream("eventbridge-monitor", 1, 10, Direction.FORWARDS))
                .extracting(EventEnvelope::eventId, EventEnvelope::version)
                .containsExactly(tuple("a", 1L), tuple("b", 2L));
    }

    @Test
    void aDeliveryWithoutADetailObjectIsRefusedByName() {
        assertThatThrownBy(() -> EventBridgeFormat.fromDelivery(Json.parse(
                "{\"id\":\"a\",\"detail-type\":\"Ping\",\"source\":\"s\",\"time\":\"2026-01-01T00:00:00Z\",\"detail\":\"x\"}")))
                .isInstanceOf(InvalidLineException.class)
                .hasMessage("field 'detail' must be a JSON object, found string \"x\"");
    }
}
