package io.eventscope.cli;

import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.store.AppendResult;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.StreamAppend;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Appends synthetic shop events (orders, payments, stock reservations, shipments) with"
                + " correlation and causation chains, in new streams named after a fresh run id.",
                "After each committed batch prints 'acked P', P being the last acknowledged position."})
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Option(names = "--streams", required = true, paramLabel = "N", description = "How many streams to create.")
    int streams;

    @Option(names = "--events-per-stream", required = true, paramLabel = "M", description = "Events in each stream.")
    int eventsPerStream;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "100",
            description = "Events per atomic append (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--seed", paramLabel = "X", description = "Same seed, same content (default: random).")
    Long seed;

    @Override
    public Integer call() {
        requirePositive("--streams", streams);
        requirePositive("--events-per-stream", eventsPerStream);
        requirePositive("--batch", batch);
        long actualSeed = seed != null ? seed : new SecureRandom().nextLong();
        String runId = HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
        PrintWriter out = spec.commandLine().getOut();
        SyntheticShop shop = new SyntheticShop(runId, actualSeed, streams, eventsPerStream);
        try (OpenStore opened = store.open()) {
            EventStore eventStore = opened.store();
            // stderr, so stdout stays the acked lines; the seed lets anyone replay the same content
            spec.commandLine().getErr().println("generating run " + runId + " with seed " + actualSeed);
            List<SyntheticShop.PlannedEvent> pending = new ArrayList<>(batch);
            while (shop.hasNext()) {
                pending.add(shop.next());
                if (pending.size() == batch || !shop.hasNext()) {
                    out.println("acked " + commit(eventStore, pending));
                    out.flush();
                    pending.clear();
                }
            }
            FilterIndexWait.awaitIndexed(eventStore);
        }
        return Cli.OK;
    }

    /**
     * Appends the batch atomically, one stream append per run of events of the same stream, each
     * expecting exactly the version before it: a stream that already existed makes it a conflict.
     */
    private static long commit(EventStore eventStore, List<SyntheticShop.PlannedEvent> batch) {
        List<StreamAppend> appends = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= batch.size(); i++) {
            if (i == batch.size() || !batch.get(i).streamId().equals(batch.get(start).streamId())) {
                List<NewEvent> events = batch.subList(start, i).stream()
                        .map(SyntheticShop.PlannedEvent::event).toList();
                SyntheticShop.PlannedEvent first = batch.get(start);
                appends.add(new StreamAppend(first.streamId(), ExpectedVersion.exactly(first.version() - 1), events));
                start = i;
            }
        }
        return eventStore.appendAll(appends).stream().mapToLong(AppendResult::position).max().orElseThrow();
    }

    private void requirePositive(String option, int value) {
        if (value < 1) {
            throw new ParameterException(spec.commandLine(), option + " must be 1 or more, was " + value);
        }
    }
}
