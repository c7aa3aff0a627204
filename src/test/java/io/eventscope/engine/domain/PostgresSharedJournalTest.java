package io.eventscope.engine.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.engine.event.Json;
import io.eventscope.engine.store.Stores;
import io.eventscope.engine.store.jdbc.TestPostgres;
import io.eventscope.engine.upcast.UpcasterChain;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two engines on one PostgreSQL store, as two workbenches: each sees the other's journal
 * entries move from PENDING to settled, and opening one never settles a command the other is
 * still handling.
 */
class PostgresSharedJournalTest {
    private static TestPostgres server;

    @BeforeAll
    static void createDatabase() {
        server = TestPostgres.create("shared_journal");
    }

    @AfterAll
    static void dropDatabase() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void opening_a_second_engine_settles_only_commands_cut_short_and_sees_the_first_engines_settlements() {
        String url = server.freshSchemaUrl();
        try (Engine first = open(url)) {
            CommandEnvelope done = command("a1", null);
            assertThat(first.commands().handle(done).accepted()).isTrue();
            // Another process between journaling and appending: a fresh PENDING entry.
            CommandEnvelope inFlight = command("a2", null);
            first.journal().record(new JournalEntry(inFlight, CommandStatus.PENDING, null, "account-a2",
                    List.of("planned")));
            // And one a process that died long ago left behind.
            CommandEnvelope cutShort = command("a3", Instant.now().minus(Duration.ofMinutes(10)));
            first.journal().record(new JournalEntry(cutShort, CommandStatus.PENDING, null, "account-a3",
                    List.of("planned")));

            try (Engine second = open(url)) {
                assertThat(status(second, done)).isEqualTo(CommandStatus.ACCEPTED);
                assertThat(status(second, inFlight)).isEqualTo(CommandStatus.PENDING);
                assertThat(status(second, cutShort)).isEqualTo(CommandStatus.NOT_APPLIED);

                // The first process finishes its command: the second sees it settled.
                first.journal().record(new JournalEntry(inFlight, CommandStatus.ACCEPTED, null, "account-a2",
                        List.of("planned")));
                assertThat(status(second, inFlight)).isEqualTo(CommandStatus.ACCEPTED);
                assertThat(second.journal().pending()).isEmpty();
                assertThat(status(first, cutShort)).isEqualTo(CommandStatus.NOT_APPLIED);
            }
        }
    }

    private static Engine open(String url) {
        return Engine.open(Stores.open(url), List.of(BankAccount.type()), UpcasterChain.EMPTY);
    }

    private static CommandEnvelope command(String account, Instant at) {
        return new CommandEnvelope(null, "OpenAccount", Json.parse("{\"accountId\":\"" + account + "\"}"), "ann", null,
                null, at);
    }

    private static CommandStatus status(Engine engine, CommandEnvelope command) {
        return engine.journal().byCommandId(command.commandId()).orElseThrow().status();
    }
}
