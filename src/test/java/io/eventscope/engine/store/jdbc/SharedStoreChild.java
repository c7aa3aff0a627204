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
import java.util.List;

/**
 * A separate JVM appending to one shared stream of a store with exact expected versions. It
 * opens the store, prints {@code ready}, waits for a line on stdin, then appends {@code count}
 * events {@code NAME-i}, retrying on conflict, and prints {@code acked ID POSITION} after each
 * append returned and {@code conflict EXPECTED ACTUAL} for each conflict it met.
 */
public final class SharedStoreChild {
    static final String STREAM = "counter-shared";

    private SharedStoreChild() {
    }

    /** Starts this main in a child JVM with the test classpath; its stderr goes to {@code log}. */
    static Process start(String storeUrl, String name, int count, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                SharedStoreChild.class.getName(), storeUrl, name, Integer.toString(count))
                .redirectError(log.toFile())
                .start();
    }

    public static void main(String[] args) throws IOException {
        String name = args[1];
        int count = Integer.parseInt(args[2]);
        try (OpenStore open = Stores.open(args[0])) {
            EventStore store = open.store();
            System.out.println("ready");
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            for (int i = 0; i < count; i++) {
                NewEvent e = new NewEvent(name + "-" + i, "Counted", null, null, 1, null,
                        Json.object().put("by", name).put("i", i), Metadata.EMPTY);
                while (true) {
                    long version = store.streamVersion(STREAM);
                    try {
                        AppendResult r = store.append(STREAM, ExpectedVersion.exactly(version), List.of(e));
                        System.out.println("acked " + e.eventId() + " " + r.position());
                        break;
                    } catch (ConcurrencyConflictException conflict) {
                        System.out.println("conflict " + version + " " + conflict.actual());
                    }
                }
            }
            System.out.flush();
        }
    }
}
