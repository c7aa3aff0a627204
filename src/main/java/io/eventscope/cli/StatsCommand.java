package io.eventscope.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.OpenStore;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "stats", mixinStandardHelpOptions = true,
        description = {"Prints one JSON object describing the store: events, streams, headPosition,"
                + " the first and last timestamps, and event counts per event type and per aggregate type.",
                "The counts per type read the whole log once, page by page."})
final class StatsCommand implements Callable<Integer> {
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

    private static ObjectNode stats(EventStore eventStore) {
        ObjectNode stats = Json.object();
        stats.put("store", eventStore.describe());
        stats.put("events", eventStore.count(EventFilter.ALL));
        stats.put("streams", eventStore.streams().size());
        stats.put("headPosition", eventStore.headPosition());
        Map<String, Long> byType = new TreeMap<>();
        Map<String, Long> byAggregate = new TreeMap<>();
        String first = null;
        String last = null;
        long next = 1;
        List<EventEnvelope> page;
        while (!(page = eventStore.read(EventFilter.ALL, next, ReadCommand.PAGE_SIZE, Direction.FORWARDS)).isEmpty()) {
            for (EventEnvelope e : page) {
                byType.merge(e.eventType(), 1L, Long::sum);
                byAggregate.merge(String.valueOf(e.aggregateType()), 1L, Long::sum);
                first = first == null ? e.timestamp().toString() : first;
                last = e.timestamp().toString();
            }
            next = page.get(page.size() - 1).position() + 1;
        }
        stats.put("firstEventAt", first);
        stats.put("lastEventAt", last);
        byType.forEach(stats.putObject("eventTypes")::put);
        byAggregate.forEach(stats.putObject("aggregateTypes")::put);
        return stats;
    }
}
