package io.eventscope.engine.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.engine.event.Json;
import io.eventscope.engine.store.jdbc.Database;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcCommandJournalTest extends CommandJournalContract {
    private final Database db = Database.open("jdbc:h2:mem:journal-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    private final CommandJournal journal = new JdbcCommandJournal(db);

    @Override
    protected CommandJournal journal() {
        return journal;
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void survivesReopeningTheDatabaseFile(@TempDir Path dir) {
        String url = "jdbc:h2:file:" + dir.resolve("journal");
        CommandEnvelope c = CommandEnvelope.of("OpenAccount", Json.parse("{\"accountId\":\"a1\"}"), "ann", null);
        try (Database file = Database.open(url)) {
            new JdbcCommandJournal(file).record(new JournalEntry(c, CommandStatus.REJECTED, "closed", null, List.of()));
        }
        try (Database file = Database.open(url)) {
            JournalEntry back = new JdbcCommandJournal(file).byCommandId(c.commandId()).orElseThrow();
            assertThat(back.reason()).isEqualTo("closed");
            assertThat(back.command().correlationId()).isEqualTo(c.correlationId());
        }
    }
}
