package io.eventscope.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The real broker of this machine kind (127.0.0.1:5672, guest/guest) for tests. In CI (the
 * variable CI is set) a missing broker fails the test; elsewhere the test is skipped, saying
 * so. Names are unique per test run, and {@link #deleteAll} removes what a test declared.
 */
public final class TestBroker {
    public static final String URI = "amqp://guest:guest@127.0.0.1:5672/";
    private final List<String> queues = new ArrayList<>();
    private final List<String> exchanges = new ArrayList<>();

    /** Whether the broker answers; in CI it must, so there this fails rather than says no. */
    public static boolean answers() {
        try (Connection c = BrokerAddress.parse(URI).factory().newConnection("eventscope-test probe")) {
            return true;
        } catch (Exception e) {
            if (inCi()) {
                fail("CI is set, so the broker must answer at " + URI + ", but: " + e);
            }
            return false;
        }
    }

    /** Skips (or, in CI, fails) the calling test when no broker answers. */
    public static BrokerAddress required() {
        return required(URI, inCi());
    }

    /** Skips the calling test with the reason when no broker answers at {@code uri}; fails it instead when {@code ci}. */
    static BrokerAddress required(String uri, boolean ci) {
        BrokerAddress broker = BrokerAddress.parse(uri);
        try (Connection c = broker.factory().newConnection("eventscope-test probe")) {
            return broker;
        } catch (Exception e) {
            String why = "no RabbitMQ broker answers at " + broker + " (" + e + "); start one with"
                    + " 'rabbitmq-server -detached'";
            if (ci) {
                fail("CI is set, so the broker tests must run, but " + why);
            }
            Assumptions.abort("Skipped: " + why);
            throw new AssertionError(why);
        }
    }

    private static boolean inCi() {
        return System.getenv("CI") != null;
    }

    /** A fresh name, remembered for {@link #deleteAll}: for a consumer queue, its dead-letter pair too. */
    public String queue(String purpose) {
        String name = "eventscope-test-" + purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
        queues.add(name);
        queues.add(DeadLetterQueue.queueFor(name));
        exchanges.add(DeadLetterQueue.exchangeFor(name));
        return name;
    }

    public String exchange(String purpose) {
        String name = "eventscope-test-" + purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
        exchanges.add(name);
        return name;
    }

    public void deleteAll(BrokerAddress broker) throws Exception {
        try (Connection c = broker.factory().newConnection("eventscope-test cleanup")) {
            for (String q : queues) {
                delete(c, ch -> ch.queueDelete(q));
            }
            for (String x : exchanges) {
                delete(c, ch -> ch.exchangeDelete(x));
            }
        }
    }

    private interface Deletion {
        void run(Channel ch) throws IOException;
    }

    private static void delete(Connection c, Deletion deletion) throws Exception {
        try (Channel ch = c.createChannel()) {
            deletion.run(ch);
        } catch (IOException | RuntimeException notThere) {
            // a test may not have declared everything it named
        }
    }

    /** Closes a client's connection from the broker's side, as a broker restart or an operator would. */
    public static void closeConnection(String clientName) throws IOException, InterruptedException {
        String listing = run("rabbitmqctl", "list_connections", "pid", "client_properties", "-q", "--no-table-headers");
        String pid = listing.lines().filter(l -> l.contains(clientName)).map(l -> l.split("\t")[0]).findFirst()
                .orElseThrow(() -> new AssertionError("no connection named " + clientName + " in:\n" + listing));
        run("rabbitmqctl", "close_connection", pid, "closed by a broker test");
        // close_connection only asks the connection to close: until it is gone, frames the client sends (acks,
        // confirms) may still be taken, and a test could not tell what the close cut off.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (run("rabbitmqctl", "list_connections", "pid", "-q", "--no-table-headers").lines()
                .anyMatch(l -> l.trim().equals(pid))) {
            assertThat(System.nanoTime()).as("the broker still lists connection " + pid + " of " + clientName)
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
        return output;
    }
}
