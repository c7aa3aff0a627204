package io.eventscope.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventscope.engine.event.EnvelopeJson;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.io.ProgressMonitor;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.upcast.DryRunReport;
import io.eventscope.engine.upcast.UpcastDryRun;
import io.eventscope.engine.upcast.UpcastException;
import io.eventscope.engine.upcast.UpcastTrace;
import io.eventscope.engine.upcast.UpcasterChain;
import io.eventscope.shop.upcast.ShopUpcasters;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "upcast", mixinStandardHelpOptions = true,
        description = {"Shows what the shop's upcasters make of stored events; stored events are never rewritten.",
                "--dry-run upcasts every event and prints a JSON report: counts per type and schema version before and"
                        + " after, how many events change, and every failure with its position. Exit 1 when an upcaster failed.",
                "--position P prints one event as stored, each step of its chain, and the result."})
final class UpcastCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    static final class Mode {
        @Option(names = "--dry-run", required = true, description = "Report on the whole store.")
        boolean dryRun;

        @Option(names = "--position", required = true, paramLabel = "P", description = "Trace the event at this position.")
        Long position;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    private final UpcasterChain chain = ShopUpcasters.chain();

    @Override
    public Integer call() {
        try (OpenStore opened = store.open()) {
            EventStore eventStore = opened.store();
            if (mode.dryRun) {
                DryRunReport report = new UpcastDryRun(eventStore, chain).run(ProgressMonitor.NONE);
                spec.commandLine().getOut().println(Json.write(report));
                return report.failureCount() == 0 ? Cli.OK : Cli.FINDING;
            }
            EventEnvelope found = eventStore.eventAt(mode.position).orElseThrow(() -> new ParameterException(
                    spec.commandLine(), "no event at position " + mode.position + " (the store's head is "
                    + eventStore.headPosition() + ")"));
            try {
                spec.commandLine().getOut().println(Json.write(trace(chain.trace(found))));
                return Cli.OK;
            } catch (UpcastException e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
                return Cli.FINDING;
            }
        }
    }

    private static ObjectNode trace(UpcastTrace trace) {
        ObjectNode node = Json.object();
        node.set("stored", EnvelopeJson.toNode(trace.stored()));
        node.set("steps", Json.MAPPER.valueToTree(trace.steps()));
        node.set("upcasted", EnvelopeJson.toNode(trace.upcasted()));
        return node;
    }
}
