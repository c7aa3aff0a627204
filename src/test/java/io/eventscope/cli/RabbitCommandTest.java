package io.eventscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.bridge.BrokerAddress;
import io.eventscope.bridge.TestBroker;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rabbit commands: a round trip through the real broker, and one clear sentence when something is wrong. */
class RabbitCommandTest {
    @TempDir
    Path dir;

    private final TestBroker names = new TestBroker();
    /** Set by the tests that need the broker. */
    private BrokerAddress broker;
    private String source;
    private String target;

    @BeforeEach
    void stores() {
        source = dir.resolve("source").toString();
        target = dir.resolve("target").toString();
    }

    @AfterEach
    void deleteBrokerNames() throws Exception {
        if (broker != null) {
            names.deleteAll(broker);
        }
    }

    private void generateSource(int streams) {
        assertThat(CliRun.of("generate", "--store", source, "--streams", String.valueOf(streams), "--events-per-stream", "5")
                .exit()).isEqualTo(Cli.OK);
    }

    @Test
    void publishConsumeAndDeadLettersPrintJsonSummaries() throws Exception {
        broker = TestBroker.required();
        String exchange = names.exchange("cli");
        String queue = names.queue("cli");
        generateSource(20);
        String[] consume = {"rabbit", "consume", "--store", target, "--uri", TestBroker.URI, "--exchange", exchange,
                "--queue", queue, "--binding", "#", "--max", "100", "--timeout", "60"};
        assertThat(CliRun.of("rabbit", "consume", "--store", target, "--uri", TestBroker.URI, "--exchange", exchange,
                "--queue", queue, "--binding", "#", "--timeout", "1").exit()).isEqualTo(Cli.OK);

        CliRun published = CliRun.of("rabbit", "publish", "--store", source, "--uri", TestBroker.URI, "--exchange", exchange);
        assertThat(published.exit()).as(published.err()).isEqualTo(Cli.OK);
        assertThat(published.json().get(0).get("published").asLong()).isEqualTo(100);

        CliRun consumed = CliRun.of(consume);
        assertThat(consumed.exit()).as(consumed.err()).isEqualTo(Cli.OK);
        JsonNode summary = consumed.json().get(0);
        assertThat(summary.get("stored").asLong()).isEqualTo(100);
        assertThat(summary.get("duplicates").asLong()).isZero();
        assertThat(CliRun.of("stats", "--store", target).out()).contains("100");

        CliRun letters = CliRun.of("rabbit", "dead-letters", "--uri", TestBroker.URI, "--queue", queue);
        assertThat(letters.exit()).isEqualTo(Cli.OK);
        assertThat(letters.json().get(0)).isEmpty();
        CliRun missing = CliRun.of("rabbit", "dead-letters", "--uri", TestBroker.URI, "--queue", queue, "--retry", "nope");
        assertThat(missing.exit()).isEqualTo(Cli.FINDING);
        assertThat(missing.err().strip()).isEqualTo("error: no dead letter with id nope in queue " + queue + ".dlq");
    }

    @Test
    void consumeIntoTheBusHandsEachEventToItsHandlerAndStoresNothing() throws Exception {
        broker = TestBroker.required();
        String exchange = names.exchange("cli-bus");
        String queue = names.queue("cli-bus");
        generateSource(4);
        String[] consume = {"rabbit", "consume", "--into", "bus", "--store", target, "--uri", TestBroker.URI,
                "--exchange", exchange, "--queue", queue, "--binding", "#", "--timeout", "1"};
        assertThat(CliRun.of(consume).exit()).as("declares the queue").isEqualTo(Cli.OK);
        assertThat(CliRun.of("rabbit", "publish", "--store", source, "--uri", TestBroker.URI, "--exchange", exchange)
                .exit()).isEqualTo(Cli.OK);

        consume[consume.length - 1] = "60";
        CliRun consumed = CliRun.of(concat(consume, "--max", "20"));
        assertThat(consumed.exit()).as(consumed.err()).isEqualTo(Cli.OK);
        List<JsonNode> lines = consumed.json();
        assertThat(lines).hasSize(21);
        JsonNode summary = lines.get(20);
        assertThat(List.of(summary.get("delivered").asLong(), summary.get("stored").asLong(),
                summary.get("duplicates").asLong())).containsExactly(20L, 0L, 0L);
        assertThat(lines.subList(0, 20)).extracting(e -> e.get("eventId").asText())
                .containsExactlyInAnyOrderElementsOf(eventIds(source));
        assertThat(lines.get(0).get("position").asLong()).as("not in any log").isZero();
        assertThat(eventIds(target)).as("onto the bus, not into the store").isEmpty();

        consume[3] = "queue";
        CliRun wrong = CliRun.of(consume);
        assertThat(wrong.exit()).isEqualTo(Cli.USAGE);
        assertThat(wrong.err()).contains("--into must be store or bus, was queue");
    }

    private static List<String> eventIds(String store) {
        return CliRun.of("read", "--store", store).json().stream().map(e -> e.get("eventId").asText()).toList();
    }

    private static String[] concat(String[] args, String... more) {
        String[] all = Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    @Test
    void noBrokerOrABadUriIsOneSentenceWithoutThePassword() {
        CliRun none = CliRun.of("rabbit", "publish", "--store", "mem", "--uri", "amqp://shop:s3cret@127.0.0.1:1",
                "--exchange", "x");
        assertThat(none.exit()).isEqualTo(Cli.USAGE);
        assertThat(none.err()).startsWith("error: No broker answers at amqp://shop@127.0.0.1:1 (")
                .doesNotContain("s3cret").hasLineCount(1);

        CliRun bad = CliRun.of("rabbit", "dead-letters", "--uri", "http://shop:s3cret@mq", "--queue", "q");
        assertThat(bad.exit()).isEqualTo(Cli.USAGE);
        assertThat(bad.err()).contains("--uri: the broker URI must start with amqp://").doesNotContain("s3cret");
    }
}
