package io.eventscope.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.Metadata;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.event.StreamIds;
import io.eventscope.engine.store.AppendResult;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.store.ExpectedVersion;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "append", mixinStandardHelpOptions = true,
        description = "Appends one event to a stream and prints {\"position\":P,\"version\":V}.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:appended (or already stored with the same content)",
                "2:bad usage, malformed --data, or the event id is stored with other content",
                "3:the stream is not at --expected-version"})
final class AppendCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Option(names = "--stream", required = true, paramLabel = "ID",
            description = "Stream id, <aggregateType>-<aggregateId>, e.g. order-42.")
    String streamId;

    @Option(names = "--type", required = true, paramLabel = "T", description = "Event type, e.g. OrderCreated.")
    String type;

    @Option(names = "--data", required = true, paramLabel = "JSON", description = "The payload: a JSON object.")
    String data;

    @Option(names = "--expected-version", paramLabel = "any|no-stream|exists|N", defaultValue = "any",
            converter = ExpectedVersionConverter.class,
            description = "What the stream's last version must be (default: ${DEFAULT-VALUE}).")
    ExpectedVersion expected;

    @Option(names = "--event-id", paramLabel = "ID", description = "Event id (default: a new UUID).")
    String eventId;

    @Option(names = "--correlation-id", paramLabel = "C",
            description = "Groups the whole conversation this event belongs to.")
    String correlationId;

    @Option(names = "--causation-id", paramLabel = "X",
            description = "Id of the command or event that caused this one.")
    String causationId;

    @Option(names = "--user", paramLabel = "U", description = "Who did it.")
    String user;

    @Option(names = "--schema-version", paramLabel = "V", defaultValue = "1",
            description = "Version of the payload's shape (default: ${DEFAULT-VALUE}).")
    int schemaVersion;

    @Override
    public Integer call() {
        NewEvent event = event();
        try (OpenStore opened = store.open()) {
            AppendResult result = opened.store().append(streamId, expected, List.of(event));
            ObjectNode printed = Json.object().put("position", result.position()).put("version", result.version());
            spec.commandLine().getOut().println(Json.write(printed));
        }
        return Cli.OK;
    }

    /** Everything is checked before the store is opened, so bad input stores nothing. */
    private NewEvent event() {
        if (streamId.isBlank()) {
            throw usage("--stream must name a stream, such as order-42");
        }
        if (type.isBlank()) {
            throw usage("--type must name an event type, such as OrderCreated");
        }
        if (schemaVersion < 1) {
            throw usage("--schema-version must be 1 or more, was " + schemaVersion);
        }
        return new NewEvent(eventId, type, StreamIds.aggregateType(streamId), StreamIds.aggregateId(streamId),
                schemaVersion, null, payload(), Metadata.of(user, correlationId, causationId));
    }

    private JsonNode payload() {
        JsonNode node;
        try {
            node = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(data);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation(); // null when a limit, not the syntax, refused the text
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw usage("--data is not valid JSON" + where + ": " + e.getOriginalMessage());
        }
        if (node == null || node.isMissingNode()) {
            throw usage("--data is empty; it must be a JSON object such as {\"orderId\":\"42\"}");
        }
        if (!node.isObject()) {
            throw usage("--data must be a JSON object, was " + node.getNodeType().name().toLowerCase()
                    + " " + abbreviated(node.toString()));
        }
        return node;
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    static final class ExpectedVersionConverter implements ITypeConverter<ExpectedVersion> {
        @Override
        public ExpectedVersion convert(String value) {
            try {
                return ExpectedVersion.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
