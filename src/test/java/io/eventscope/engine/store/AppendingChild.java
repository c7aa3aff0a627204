package io.eventscope.engine.store;

import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.Metadata;
import io.eventscope.engine.event.NewEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A separate JVM that appends to a store until it is killed, printing {@code acked P} after
 * every append has returned. Three threads append at once, so group commits are in play; with
 * {@link #SINGLE} one thread appends one event at a time, a commit each.
 */
public final class AppendingChild {
    public static final String SINGLE = "single";
    private static final int THREADS = 3;

    private AppendingChild() {
    }

    /** Starts this main in a child JVM with the test classpath; its stderr goes to {@code log}. */
    public static Process start(Path store, Path log, String... mode) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                AppendingChild.class.getName(), store.toString()));
        command.addAll(List.of(mode));
        return new ProcessBuilder(command).redirectError(log.toFile()).start();
    }

    public static void main(String[] args) {
        EventStore store = Stores.open(args[0]).store();
        boolean single = args.length > 1 && args[1].equals(SINGLE);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < (single ? 1 : THREADS); t++) {
            String stream = "child-" + t;
            Thread thread = new Thread(() -> appendForever(store, stream, single));
            threads.add(thread);
            thread.start();
        }
        threads.forEach(AppendingChild::joinQuietly);
    }

    private static void appendForever(EventStore store, String stream, boolean single) {
        for (long i = 1; ; i++) {
            List<NewEvent> batch = new ArrayList<>();
            for (long n = 0; n <= (single ? 0 : i % 3); n++) {
                batch.add(tick(i, n));
            }
            AppendResult result = store.append(stream, ExpectedVersion.ANY, batch);
            synchronized (System.out) {
                System.out.println("acked " + result.position());
                System.out.flush();
            }
        }
    }

    /** The {@code n}th event of append {@code i}: random ids, as an application's UUIDs land all over the indexes. */
    public static NewEvent tick(long i, long n) {
        return NewEvent.of("Ticked", Json.object().put("i", i).put("n", n).put("note", UUID.randomUUID().toString()),
                Metadata.of("child", UUID.randomUUID().toString(), UUID.randomUUID().toString()));
    }

    private static void joinQuietly(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
