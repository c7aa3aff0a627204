package io.eventscope.cli.bench;

import io.eventscope.engine.domain.StateCache;
import io.eventscope.engine.domain.StateLoader;
import io.eventscope.engine.domain.TimeTravel;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.Metadata;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.timeline.StreamTimeline;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The Timeline's figures on one stream of 100,000 events (fewer when --events is smaller) in
 * the H2 file store: opening it (one fold to the end, which leaves the checkpoints), and a jump
 * to a random version as the scrubber makes it (the state, the state before, and the event's
 * RFC 6902 changes), median and p99, to hold within one 16 ms frame. The stream has no decider,
 * so it folds with the generic JSON merge, as imported data does.
 */
public final class TimelineBenchmarks {
    private static final int STREAM = 100_000;
    private static final int WARM_UP_JUMPS = 500;
    private static final int JUMPS = 2_000;
    private static final int BATCH = 1_000;

    private TimelineBenchmarks() {
    }

    public static List<Figure> timelineJump(BenchContext ctx) {
        EventStore store = ctx.store().store();
        int length = (int) Math.min(STREAM, ctx.events());
        String stream = "parcel-bench" + System.nanoTime();
        appendParcel(store, stream, length);
        TimeTravel timeTravel = new TimeTravel(store, new StateLoader(store, StateCache.withDefaults()), Map.of());
        StreamTimeline timeline = new StreamTimeline(timeTravel, stream);

        long t0 = System.nanoTime();
        timeline.at(length);
        double open = (System.nanoTime() - t0) / 1e6;
        Random random = new Random(7);
        jumps(timeline, length, WARM_UP_JUMPS, random);
        double[] millis = jumps(timeline, length, JUMPS, random);
        Arrays.sort(millis);
        return List.of(Figure.of("timeline-open", open, "ms"),
                Figure.latency("timeline-jump", percentile(millis, 50), percentile(millis, 99)));
    }

    private static double[] jumps(StreamTimeline timeline, int length, int count, Random random) {
        double[] millis = new double[count];
        for (int i = 0; i < count; i++) {
            long version = random.nextInt(length + 1);
            long t0 = System.nanoTime();
            timeline.at(version);
            millis[i] = (System.nanoTime() - t0) / 1e6;
        }
        return millis;
    }

    /** A parcel scanned along its way: a location and a counter change on every event, a note now and then. */
    private static void appendParcel(EventStore store, String stream, int count) {
        List<NewEvent> batch = new ArrayList<>(BATCH);
        for (int i = 1; i <= count; i++) {
            String data = i == 1
                    ? "{\"status\":\"REGISTERED\",\"weight\":2.50,\"items\":[\"lamp\",\"desk\",\"chair\"],"
                    + "\"address\":{\"street\":\"1 Main St\",\"city\":\"Springfield\"},\"scans\":1}"
                    : "{\"location\":\"hub-" + (i % 97) + "\",\"scans\":" + i
                    + (i % 50 == 0 ? ",\"note\":\"checked " + i + "\"" : "") + "}";
            batch.add(NewEvent.of(i == 1 ? "ParcelRegistered" : "ParcelScanned", Json.parse(data), Metadata.EMPTY));
            if (batch.size() == BATCH || i == count) {
                store.append(stream, ExpectedVersion.ANY, batch);
                batch.clear();
            }
        }
    }

    private static double percentile(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
