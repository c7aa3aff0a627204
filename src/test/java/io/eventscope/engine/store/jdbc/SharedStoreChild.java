package io.eventscope.engine.store.jdbc;

import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.Metadata;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.store.AppendResult;
import io.eventscope.engine.store.ConcurrencyConflictException;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.store.Stores;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A separate JVM appending to a store. It opens the store, prints {@code ready}, waits for a
 * line on stdin, then appends {@code count} events {@code NAME-i} and prints
 * {@code acked ID POSITION} after each append returned. In mode {@code exact} it appends to
 * one shared stream with exact expected versions, retrying on conflict and printing
 * {@code conflict EXPECTED ACTUAL} for each (mode {@code paced} does the same with a pause
 * between appends); in mode {@code any} three threads append to streams of their own with
 * expected version ANY.
 */
public final class SharedStoreChild {
    static final String STREAM = "counter-shared";
    private static final int THREADS = 3;
    /** Between the appends of mode paced: each then meets a subscriber's polling at another moment. */
    private static final long PACE_MILLIS = 1_500;

    private SharedStoreChild() {
    }

    /** Starts this main in a child JVM with the test classpath; its stderr goes to {@code log}. */
    static Process start(String storeUrl, String mode, String name, int count, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                SharedStoreChild.class.getName(), storeUrl, mode, name, Integer.toString(count))
                .redirectError(log.toFile())
                .start();
    }

    public static void main(String[] args) throws Exception {
        String name = args[2];
        int count = Integer.parseInt(args[3]);
        try (OpenStore open = Stores.open(args[0])) {
            EventStore store = open.store();
            say("ready");
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (args[1].equals("exact") || args[1].equals("paced")) {
                appendExact(store, name, count, args[1].equals("paced") ? PACE_MILLIS : 0);
            } else {
                ExecutorService pool = Executors.newFixedThreadPool(THREADS);
                try {
                    List<Future<?>> writers = new ArrayList<>();
                    for (int t = 0; t < THREADS; t++) {
                        String thread = name + t;
                        writers.add(pool.submit(() -> appendAny(store, thread, count)));
                    }
                    for (Future<?> w : writers) {
                        w.get(); // a failed append fails the process
                    }
                } finally {
                    pool.shutdownNow();
                }
            }
        }
    }

    private static void appendExact(EventStore store, String name, int count, long pauseMillis)
            throws InterruptedException {
        for (int i = 0; i < count; i++) {
            Thread.sleep(i == 0 ? 0 : pauseMillis);
            NewEvent e = event(name, i);
            while (true) {
                long version = store.streamVersion(STREAM);
                try {
                    AppendResult r = store.append(STREAM, ExpectedVersion.exactly(version), List.of(e));
                    say("acked " + e.eventId() + " " + r.position());
                    break;
                } catch (ConcurrencyConflictException conflict) {
                    say("conflict " + version + " " + conflict.actual());
                }
            }
        }
    }

    /** One event per append, so each ack names its event's position. */
    private static void appendAny(EventStore store, String name, int count) {
        for (int i = 0; i < count; i++) {
            NewEvent e = event(name, i);
            AppendResult r = store.append("own-" + name, ExpectedVersion.ANY, List.of(e));
            say("acked " + e.eventId() + " " + r.position());
        }
    }

    private static NewEvent event(String name, int i) {
        return new NewEvent(name + "-" + i, "Counted", null, null, 1, null, Json.object().put("by", name).put("i", i),
                Metadata.EMPTY);
    }

    private static void say(String line) {
        synchronized (System.out) {
            System.out.println(line);
            System.out.flush();
        }
    }
}
