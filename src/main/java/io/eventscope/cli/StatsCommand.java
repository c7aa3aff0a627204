package io.eventscope.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.store.StoreCounts;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "stats", mixinStandardHelpOptions = true,
        description = {"Prints one JSON object describing the store: events, streams, headPosition,"
                + " the first and last timestamps, and event counts per event type and per aggregate type.",
                "The counts come from counters every append keeps, so stats answer at once on any store size."})
public final class StatsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Override
    public Integer call() {
        try (OpenStore opened = store.open()) {
            spec.commandLine().getOut().println(Json.write(stats(opened.store())));
        }
        return Cli.OK;
    }

    /** What the command prints; the bench times it. */
    public static ObjectNode stats(EventStore eventStore) {
        StoreCounts counts = eventStore.counts();
        long head = eventStore.headPosition();
        ObjectNode stats = Json.object();
        stats.put("store", eventStore.describe());
        stats.put("events", counts.events());
        stats.put("streams", counts.streams());
        stats.put("headPosition", head);
        // the log is ordered by position, so its first and last events are at 1 and the head
        stats.put("firstEventAt", eventStore.eventAt(1).map(e -> e.timestamp().toString()).orElse(null));
        stats.put("lastEventAt", eventStore.eventAt(head).map(e -> e.timestamp().toString()).orElse(null));
        counts.byEventType().forEach(stats.putObject("eventTypes")::put);
        counts.byAggregateType().forEach(stats.putObject("aggregateTypes")::put);
        return stats;
    }
}
