package io.eventscope.engine.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.store.Stores;
import io.eventscope.engine.store.Subscription;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several processes on one PostgreSQL store: what each sees of the others' appends. */
class PostgresSharedStoreTest {
    private static final int PER_CHILD = 40;

    private static TestPostgres server;

    @TempDir
    Path dir;
    private String url;
    private final List<Process> children = new ArrayList<>();

    @BeforeAll
    static void createDatabase() {
        server = TestPostgres.create("shared");
    }

    @AfterAll
    static void dropDatabase() {
        if (server != null) {
            server.close();
        }
    }

    /** A schema of its own per test: cheaper than a database, and tests run one after another. */
    @BeforeEach
    void createSchema() {
        url = server.freshSchemaUrl();
    }

    @AfterEach
    void stopChildren() {
        children.forEach(Process::destroyForcibly);
    }

    @Test
    void twoProcessesAppendingToOneStreamLeaveNoGapNoDuplicateAndReportEveryConflict() throws Exception {
        try (OpenStore watcher = Stores.open(url)) {
            List<EventEnvelope> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            try (Subscription s = watcher.store().subscribe(1, seen::add)) {
                Child a = startReady("a", PER_CHILD);
                Child b = startReady("b", PER_CHILD);
                a.go();
                b.go();
                List<String> linesA = a.finish();
                List<String> linesB = b.finish();
                await(() -> seen.size() >= 2 * PER_CHILD);
                Thread.sleep(200); // nothing more may come

                assertThat(seen).extracting(EventEnvelope::position)
                        .containsExactlyElementsOf(LongStream.rangeClosed(1, 2 * PER_CHILD).boxed().toList());
                assertThat(seen).extracting(EventEnvelope::version)
                        .containsExactlyElementsOf(LongStream.rangeClosed(1, 2 * PER_CHILD).boxed().toList());
                assertThat(seen).extracting(EventEnvelope::eventId).doesNotHaveDuplicates();
                Map<String, Long> acked = new ConcurrentHashMap<>();
                int conflicts = 0;
                for (String line : concat(linesA, linesB)) {
                    String[] parts = line.split(" ");
                    if (parts[0].equals("acked")) {
                        acked.put(parts[1], Long.parseLong(parts[2]));
                    } else {
                        assertThat(parts[0]).isEqualTo("conflict");
                        assertThat(Long.parseLong(parts[2])).isGreaterThan(Long.parseLong(parts[1]));
                        conflicts++;
                    }
                }
                // every acknowledged append is where its child was told it is
                assertThat(acked).hasSize(2 * PER_CHILD);
                for (EventEnvelope e : seen) {
                    assertThat(acked.get(e.eventId())).as(e.eventId()).isEqualTo(e.position());
                }
                // an append that lost the race was refused, never stored: attempts = events + conflicts
                assertThat(conflicts).as("conflicts reported").isPositive();
                assertThat(watcher.store().readStream(SharedStoreChild.STREAM, 1, Integer.MAX_VALUE, Direction.FORWARDS))
                        .hasSize(2 * PER_CHILD);
            }
        }
    }

    /** Six writers in two processes, never in each other's way but for the positions they share. */
    @Test
    void twoProcessesAppendingFromSeveralThreadsAllSucceedAndLeaveNoGap() throws Exception {
        try (OpenStore watcher = Stores.open(url)) {
            List<EventEnvelope> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            try (Subscription s = watcher.store().subscribe(1, seen::add)) {
                Child a = startReady("any", "a", PER_CHILD / 2);
                Child b = startReady("any", "b", PER_CHILD / 2);
                a.go();
                b.go();
                List<String> acks = concat(a.finish(), b.finish());
                int total = 2 * 3 * (PER_CHILD / 2);
                await(() -> seen.size() >= total);
                Thread.sleep(200);

                assertThat(acks).hasSize(total).allMatch(line -> line.startsWith("acked "));
                assertThat(seen).extracting(EventEnvelope::position)
                        .containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
                assertThat(seen).extracting(EventEnvelope::eventId).doesNotHaveDuplicates();
                for (String ack : acks) {
                    String[] parts = ack.split(" ");
                    assertThat(seen.get(Integer.parseInt(parts[2]) - 1).eventId()).isEqualTo(parts[1]);
                }
            }
        }
    }

    @Test
    void aSubscriptionInOneProcessSeesAnotherProcesssAppendWithinASecond() throws Exception {
        try (OpenStore watcher = Stores.open(url)) {
            Map<Long, Long> seenAt = new ConcurrentHashMap<>();
            try (Subscription s = watcher.store().subscribe(1, e -> seenAt.put(e.position(), System.nanoTime()))) {
                // Paced, so that polling alone (every 5 s) would rarely be in time for all three.
                Child writer = startReady("paced", "w", 3);
                writer.go();
                List<Long> ackedAt = new ArrayList<>();
                List<Long> positions = new ArrayList<>();
                for (String line = writer.out.readLine(); line != null; line = writer.out.readLine()) {
                    ackedAt.add(System.nanoTime());
                    positions.add(Long.parseLong(line.split(" ")[2]));
                }
                await(() -> seenAt.size() == 3);
                for (int i = 0; i < positions.size(); i++) {
                    long lagMillis = TimeUnit.NANOSECONDS.toMillis(seenAt.get(positions.get(i)) - ackedAt.get(i));
                    assertThat(lagMillis).as("ms from the child's ack to delivery here").isLessThan(1_000);
                }
            }
        }
    }

    private Child startReady(String name, int count) throws IOException {
        return startReady("exact", name, count);
    }

    private Child startReady(String mode, String name, int count) throws IOException {
        Path log = dir.resolve(name + ".log");
        Process p = SharedStoreChild.start(url, mode, name, count, log);
        children.add(p);
        Child child = new Child(p, log);
        String first = child.out.readLine();
        assertThat(first).as("child %s started (log: %s)", name, Files.exists(log) ? Files.readString(log) : "")
                .isEqualTo("ready");
        return child;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within 30 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static final class Child {
        final Process process;
        final Path log;
        final BufferedReader out;
        final Writer in;

        Child(Process process, Path log) {
            this.process = process;
            this.log = log;
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        }

        void go() throws IOException {
            in.write("go\n");
            in.flush();
        }

        /** Every line it printed after ready, once it exited well (its few lines fit the pipe meanwhile). */
        List<String> finish() throws Exception {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the child ended (log: %s)", log).isTrue();
            List<String> lines = new ArrayList<>();
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
            assertThat(process.exitValue()).as("exit of the child (log: %s)", Files.readString(log)).isZero();
            return lines;
        }
    }
}
