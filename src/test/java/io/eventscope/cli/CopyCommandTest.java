package io.eventscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.engine.domain.JdbcCommandJournal;
import io.eventscope.engine.domain.JournalEntry;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.store.Stores;
import io.eventscope.engine.store.jdbc.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** copy between an H2 file and PostgreSQL, there and back, with nothing lost on the way. */
class CopyCommandTest {
    private static final Path SAMPLE = Path.of("sample-data", "shop.ndjson");
    private static final Path SAMPLE_JOURNAL = Path.of("sample-data", "shop-commands.ndjson");
    private static final int JOURNALED = 60;

    private static TestPostgres server;

    @TempDir
    Path dir;
    private String h2;

    @BeforeAll
    static void createDatabase() {
        server = TestPostgres.create("copy");
    }

    @AfterAll
    static void dropDatabase() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void fillAnH2Store() throws IOException {
        h2 = dir.resolve("shop").toString();
        CliRun imported = CliRun.of("import", SAMPLE.toString(), "--store", h2);
        assertThat(imported.exit()).as(imported.err()).isZero();
        List<String> lines = Files.readAllLines(SAMPLE_JOURNAL).subList(0, JOURNALED);
        try (OpenStore open = Stores.open(h2)) {
            JdbcCommandJournal journal = new JdbcCommandJournal(open.database());
            for (String line : lines) {
                journal.record(Json.MAPPER.readValue(line, JournalEntry.class));
            }
        }
    }

    @Test
    void copiesH2ToPostgresAndBackLosslesslyWithTheJournalAndProgress() throws IOException {
        String back = dir.resolve("back").toString();

        CliRun there = CliRun.of("copy", "--from", h2, "--to", server.url());
        CliRun backAgain = CliRun.of("copy", "--from", server.url(), "--to", back);

        assertThat(there.exit()).as(there.err()).isZero();
        assertThat(backAgain.exit()).as(backAgain.err()).isZero();
        long events = Files.readAllLines(SAMPLE).stream().filter(l -> !l.isBlank()).count();
        assertThat(Json.parse(there.out()).get("events").asLong()).isEqualTo(events);
        assertThat(Json.parse(there.out()).get("commands").asLong()).isEqualTo(JOURNALED);
        assertThat(there.err()).contains("copy: " + events + " of " + events + " events")
                .contains("to postgresql://127.0.0.1:5432/").doesNotContain("user=");
        byte[] original = export(h2);
        assertThat(export(server.url())).isEqualTo(original);
        assertThat(export(back)).isEqualTo(original);
        assertThat(new String(original)).isEqualTo(Files.readString(SAMPLE));
        assertThat(journal(server.url())).isEqualTo(journal(h2)).hasSize(JOURNALED);
        assertThat(journal(back)).isEqualTo(journal(h2));
    }

    @Test
    void refusesATargetThatHoldsOtherEventsAndLeavesItAsItWas() {
        String other = dir.resolve("other").toString();
        CliRun append = CliRun.of("append", "--store", other, "--stream", "order-x", "--type", "OrderCreated",
                "--data", "{}");
        assertThat(append.exit()).as(append.err()).isZero();

        CliRun copy = CliRun.of("copy", "--from", h2, "--to", other);

        assertThat(copy.exit()).isEqualTo(Cli.USAGE);
        assertThat(copy.err()).contains("is not empty (1 events").contains("copy into a new, empty store")
                .doesNotContain("Exception");
        assertThat(CliRun.of("export", "--store", other).lines()).hasSize(1);
    }

    private byte[] export(String store) throws IOException {
        Path file = dir.resolve("export-" + Math.abs(store.hashCode()) + ".ndjson");
        CliRun run = CliRun.of("export", "--store", store, "--out", file.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        return Files.readAllBytes(file);
    }

    private static List<JournalEntry> journal(String store) {
        try (OpenStore open = Stores.open(store)) {
            return new JdbcCommandJournal(open.database()).recent(0, 10_000);
        }
    }
}
