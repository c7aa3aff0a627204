package io.eventscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.engine.domain.CommandEnvelope;
import io.eventscope.engine.domain.CommandStatus;
import io.eventscope.engine.domain.JdbcCommandJournal;
import io.eventscope.engine.domain.JournalEntry;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.store.Stores;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {
    @TempDir
    Path dir;
    String store;

    @BeforeEach
    void fill() {
        store = dir.resolve("shop").toString();
        CliRun generate = CliRun.of("generate", "--store", store, "--streams", "4", "--events-per-stream", "5");
        assertThat(generate.exit()).as(generate.err()).isZero();
    }

    @Test
    void aSoundStoreExitsZeroWithItsReport() {
        CliRun run = CliRun.of("verify", "--store", store);

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode report = Json.parse(run.out());
        assertThat(report.get("sound").asBoolean()).isTrue();
        assertThat(report.get("events").asLong()).isEqualTo(20);
        assertThat(report.get("streams").asLong()).isEqualTo(4);
        assertThat(report.get("findings")).isEmpty();
        // the chain's root is a synthetic command, which no journal knows: listed, not a failure
        assertThat(report.get("danglingCausationCount").asLong()).isEqualTo(1);
        assertThat(report.get("danglingCausations").get(0).get("detail").asText()).contains("'cmd-");
    }

    @Test
    void aCausationNamingAJournaledCommandIsNotDangling() {
        try (OpenStore opened = Stores.open(store)) {
            new JdbcCommandJournal(opened.database()).record(new JournalEntry(new CommandEnvelope("cmd-known",
                    "CreateOrder", null, "alice", "c-9", null, null), CommandStatus.ACCEPTED, null, "order-9",
                    List.of("e-9")));
        }
        for (String cause : List.of("cmd-known", "cmd-unknown")) {
            CliRun append = CliRun.of("append", "--store", store, "--stream", "order-" + cause, "--type", "OrderCreated",
                    "--data", "{}", "--causation-id", cause);
            assertThat(append.exit()).as(append.err()).isZero();
        }

        CliRun run = CliRun.of("verify", "--store", store);

        assertThat(run.exit()).isZero();
        JsonNode dangling = Json.parse(run.out()).get("danglingCausations");
        assertThat(dangling.findValuesAsText("detail")).hasSize(2)
                .anySatisfy(detail -> assertThat(detail).contains("'cmd-unknown'"))
                .noneSatisfy(detail -> assertThat(detail).contains("'cmd-known'"));
    }

    @Test
    void aStoreCorruptedBehindItsBackExitsOneWithTheFindings() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + store, "sa", "");
             Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM events WHERE position = 3");
        }

        CliRun run = CliRun.of("verify", "--store", store);

        assertThat(run.exit()).isEqualTo(Cli.FINDING);
        JsonNode report = Json.parse(run.out());
        assertThat(report.get("sound").asBoolean()).isFalse();
        assertThat(report.get("findings").findValuesAsText("kind")).contains("position-gap", "stream-version");
        assertThat(report.get("findings").findValuesAsText("detail")).anySatisfy(
                detail -> assertThat(detail).contains("positions 3 to 3 are missing"));
    }
}
