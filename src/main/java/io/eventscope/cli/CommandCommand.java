package io.eventscope.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventscope.engine.domain.CommandEnvelope;
import io.eventscope.engine.domain.CommandResult;
import io.eventscope.engine.domain.Engine;
import io.eventscope.engine.event.EnvelopeJson;
import io.eventscope.engine.event.Json;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "command", mixinStandardHelpOptions = true,
        description = {"Runs a shop command and prints {\"accepted\":true,\"events\":[...]} or "
                + "{\"accepted\":false,\"reason\":\"...\"}. Every command is journaled.",
                "Commands: CreateOrder, PayOrder, ShipOrder, CancelOrder, RestockItem, ReserveStock, ReleaseStock, CommitStock,"
                        + " ChargePayment, RefundPayment, ScheduleShipment, CancelShipment."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:accepted", "1:rejected (the reason is printed)", "2:bad usage or malformed --json",
                "3:the stream kept changing while the command was decided"})
final class CommandCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Option(names = "--type", required = true, paramLabel = "T", description = "Command name, e.g. CreateOrder.")
    String type;

    @Option(names = "--json", required = true, paramLabel = "JSON", description = "The command's fields as a JSON object.")
    String json;

    @Option(names = "--user", paramLabel = "U", description = "Who issues the command.")
    String user;

    @Option(names = "--correlation-id", paramLabel = "C", description = "Join a conversation (default: a new one).")
    String correlationId;

    @Override
    public Integer call() {
        CommandEnvelope command = CommandEnvelope.of(type, payload(), user, correlationId);
        CommandResult result;
        try (Engine engine = ShopEngine.open(store.spec)) {
            result = engine.commands().handle(command);
        }
        ObjectNode printed = Json.object()
                .put("accepted", result.accepted())
                .put("commandId", command.commandId())
                .put("correlationId", command.correlationId());
        int exit;
        if (result instanceof CommandResult.Accepted accepted) {
            printed.put("streamId", accepted.streamId());
            ArrayNode events = printed.putArray("events");
            accepted.events().forEach(e -> events.add(EnvelopeJson.toNode(e)));
            exit = Cli.OK;
        } else if (result instanceof CommandResult.Rejected rejected) {
            printed.put("reason", rejected.reason());
            exit = Cli.FINDING;
        } else {
            CommandResult.Conflict conflict = (CommandResult.Conflict) result;
            printed.put("conflict", true).put("reason", conflict.reason());
            exit = Cli.CONFLICT;
        }
        spec.commandLine().getOut().println(Json.write(printed));
        return exit;
    }

    /** Checked before the store is opened, so a typo stores nothing. */
    private JsonNode payload() {
        JsonNode node;
        try {
            node = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ParameterException(spec.commandLine(), "--json is not valid JSON at line " + at.getLineNr()
                    + ", column " + at.getColumnNr() + ": " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new ParameterException(spec.commandLine(), "--json must be a JSON object such as "
                    + "{\"orderId\":\"o1\",\"amount\":25.00}");
        }
        return node;
    }
}
