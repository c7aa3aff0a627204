package io.eventscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.engine.domain.Engine;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.io.ProgressMonitor;
import io.eventscope.engine.whatif.Change;
import io.eventscope.engine.whatif.Fork;
import io.eventscope.engine.whatif.Scope;
import io.eventscope.engine.whatif.WhatIf;
import io.eventscope.engine.whatif.WhatIfJson;
import io.eventscope.engine.whatif.WhatIfResult;
import io.eventscope.shop.Shop;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "what-if", mixinStandardHelpOptions = true,
        description = {"Forks the past at a global position, changes it (skip an event, or replace its data), and "
                + "decides every journaled command after the fork again, in memory: the store is never written.",
                "Prints one JSON document: {\"fork\",\"differs\",\"outcomes\":[{\"commandType\",\"verdict\","
                        + "\"original\",\"branch\",\"diff\"}],\"states\":[{\"streamId\",\"differs\",\"original\","
                        + "\"branch\",\"diff\"}],\"notes\"}. Verdicts: SAME, NOW_REJECTED, NOW_ACCEPTED, DIFFERENT."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the branch differs from what happened", "1:the branch is the same",
                "2:bad usage, no such event, position or scope, or an edit that does not fit the event"})
final class WhatIfCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @ArgGroup(multiplicity = "1")
    ScopeOptions scope;

    static final class ScopeOptions {
        @Option(names = "--correlation-id", paramLabel = "C", description = "The streams a correlation touched.")
        String correlationId;

        @Option(names = "--stream", paramLabel = "ID", arity = "1..*", description = "These streams.")
        List<String> streams;
    }

    @Option(names = "--at", required = true, paramLabel = "POSITION", description = "The global position to fork at.")
    long position;

    @Option(names = "--skip", paramLabel = "EVENT_ID", description = "The event (at or before the fork) that never happened.")
    String skip;

    @Option(names = "--replace", paramLabel = "EVENT_ID", description = "The event (at or before the fork) to give other data.")
    String replace;

    @Option(names = "--data", paramLabel = "JSON", description = "The replaced event's new data, of the same shape.")
    String data;

    @Override
    public Integer call() {
        Fork fork = fork();
        WhatIfResult result;
        try (Engine engine = ShopEngine.open(store.spec)) {
            result = new WhatIf(engine.store(), engine.journal(), Shop.aggregateTypes(), Shop.sagaReactions()).run(fork, ProgressMonitor.NONE);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        spec.commandLine().getOut().println(Json.write(WhatIfJson.of(result)));
        return result.differs() ? Cli.OK : Cli.FINDING;
    }

    private Fork fork() {
        if (skip != null && replace != null) {
            throw new ParameterException(spec.commandLine(), "give --skip or --replace, not both");
        }
        if ((replace == null) != (data == null)) {
            throw new ParameterException(spec.commandLine(), "--replace and --data go together");
        }
        Change change = new Change.Keep();
        if (skip != null) {
            change = new Change.Skip(skip);
        } else if (replace != null) {
            change = new Change.Replace(replace, parse(data));
        }
        Scope chosen = scope.correlationId != null ? Scope.correlation(scope.correlationId)
                : Scope.streams(Set.copyOf(scope.streams));
        try {
            return new Fork(position, chosen, change);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private JsonNode parse(String json) {
        try {
            return Json.parse(json);
        } catch (UncheckedIOException e) {
            throw new ParameterException(spec.commandLine(), "--data is not valid JSON: " + e.getCause().getMessage());
        }
    }
}
