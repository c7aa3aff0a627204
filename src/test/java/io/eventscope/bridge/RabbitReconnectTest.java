package io.eventscope.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.store.Stores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against the real broker: the broker closes the consumer's connection mid-stream; it reconnects and loses nothing. */
class RabbitReconnectTest {
    private static final int EVENTS = 10_000;

    @TempDir
    Path dir;

    private final TestBroker names = new TestBroker();
    private BrokerAddress broker;
    private OpenStore source;
    private OpenStore target;

    @BeforeEach
    void open() {
        broker = TestBroker.required();
        source = Stores.open(dir.resolve("source").toString());
        target = Stores.open(dir.resolve("target").toString());
    }

    @AfterEach
    void close() throws Exception {
        if (broker != null) {
            names.deleteAll(broker);
            source.close();
            target.close();
        }
    }

    @Test
    void aConnectionClosedByTheBrokerMidStreamIsReopenedAndEveryEventArrivesOnce() throws Exception {
        RabbitRoundTripTest.fill(source.store(), EVENTS);
        String exchange = names.exchange("reconnect");
        ConsumerSettings settings = ConsumerSettings.of(exchange, names.queue("reconnect"), "#");
        CountDownLatch midway = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        AtomicLong stored = new AtomicLong();
        try (RabbitConsumer consumer = new RabbitConsumer(broker, settings, target.store());
             RabbitPublisher publisher = new RabbitPublisher(broker, exchange)) {
            consumer.declare();
            publisher.publishLog(source.store(), new InMemoryPublishCheckpoints(), null, () -> false, p -> { });
            CompletableFuture<ConsumeReport> run = CompletableFuture.supplyAsync(() -> consumer.run(EVENTS,
                    Duration.ofSeconds(120), () -> false, m -> {
                        if (m.outcome() == ConsumedMessage.Outcome.STORED && stored.incrementAndGet() == 2_250) {
                            midway.countDown();
                            await(closed); // mid-batch: the rest of this commit is not yet acknowledged
                        }
                    }));
            assertThat(midway.await(60, TimeUnit.SECONDS)).isTrue();
            closeConnection("eventscope-consumer " + settings.queue());
            closed.countDown();

            ConsumeReport report = run.get(120, TimeUnit.SECONDS);
            assertThat(report.stored()).isEqualTo(EVENTS);
            assertThat(report.duplicates()).as("the batch committed but not acknowledged when the connection went is"
                    + " delivered again, and recognised").isPositive();
        }
        RabbitRoundTripTest.assertSameLog(source.store(), target.store());
    }

    /** Closes a client's connection from the broker's side, as a broker restart or an operator would. */
    private static void closeConnection(String clientName) throws Exception {
        String listing = run("rabbitmqctl", "list_connections", "pid", "client_properties", "-q", "--no-table-headers");
        String pid = listing.lines().filter(l -> l.contains(clientName)).map(l -> l.split("\t")[0]).findFirst()
                .orElseThrow(() -> new AssertionError("no connection named " + clientName + " in:\n" + listing));
        run("rabbitmqctl", "close_connection", pid, "closed by RabbitReconnectTest");
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
        return output;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
