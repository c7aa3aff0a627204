package io.eventscope.engine.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.engine.event.Json;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.Stores;
import io.eventscope.engine.store.jdbc.TestPostgres;
import io.eventscope.engine.upcast.UpcasterChain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Engines on one PostgreSQL store, as workbenches and services: a PENDING entry is settled
 * exactly when no live handler holds it, whatever its age. A handler in another process that
 * was killed mid-command has its entry settled at once; a live one, however slow, is left alone.
 */
class PostgresSharedJournalTest {
    private static TestPostgres server;

    @TempDir
    Path dir;
    private Process child;

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

    @AfterEach
    void stopChild() throws InterruptedException {
        if (child != null) {
            child.destroyForcibly().waitFor();
        }
    }

    @Test
    void opening_a_second_engine_settles_only_entries_no_handler_holds_and_sees_the_first_engines_settlements() {
        String url = server.freshSchemaUrl();
        try (Engine first = open(url)) {
            CommandEnvelope done = command("a1");
            assertThat(first.commands().handle(done).accepted()).isTrue();
            // Being handled in the first engine, between its journal entry and its append.
            CommandEnvelope inFlight = command("a2");
            JournalEntry planned = new JournalEntry(inFlight, CommandStatus.PENDING, null, "account-a2", List.of("planned"));
            // A fresh entry nobody holds: its handler is gone, however recently it wrote.
            CommandEnvelope cutShort = command("a3");
            first.journal().record(new JournalEntry(cutShort, CommandStatus.PENDING, null, "account-a3",
                    List.of("planned")));

            try (HandlingClaim claim = first.journal().handling(planned);
                 Engine second = open(url)) {
                assertThat(status(second, done)).isEqualTo(CommandStatus.ACCEPTED);
                assertThat(status(second, inFlight)).isEqualTo(CommandStatus.PENDING);
                assertThat(status(second, cutShort)).isEqualTo(CommandStatus.NOT_APPLIED);

                // The first engine finishes its command: the second sees it settled.
                first.journal().record(new JournalEntry(inFlight, CommandStatus.ACCEPTED, null, "account-a2",
                        List.of("planned")));
                assertThat(status(second, inFlight)).isEqualTo(CommandStatus.ACCEPTED);
                assertThat(second.journal().pending()).isEmpty();
                assertThat(status(first, cutShort)).isEqualTo(CommandStatus.NOT_APPLIED);
            }
        }
    }

    @Test
    void a_handler_killed_before_its_append_leaves_an_entry_settled_not_applied_at_once() throws Exception {
        String url = server.freshSchemaUrl();
        String id = "cmd-" + UUID.randomUUID();
        startPaused(url, "before-append", id);
        try (Engine other = open(url)) {
            assertThat(other.commands().settleInterrupted()).isZero(); // alive, paused: not this engine's to settle
            assertThat(status(other, id)).isEqualTo(CommandStatus.PENDING);

            child.destroyForcibly().waitFor();
            assertThat(settledOnceTheServerDropsTheChild(other)).isEqualTo(1);

            JournalEntry entry = other.journal().byCommandId(id).orElseThrow();
            assertThat(entry.status()).isEqualTo(CommandStatus.NOT_APPLIED);
            assertThat(entry.reason()).contains("before its events were stored");
            assertThat(other.store().count(EventFilter.causation(id))).isZero();
        }
    }

    @Test
    void a_handler_killed_after_its_append_leaves_an_entry_settled_accepted_at_once() throws Exception {
        String url = server.freshSchemaUrl();
        String id = "cmd-" + UUID.randomUUID();
        startPaused(url, "after-append", id);
        try (Engine other = open(url)) {
            assertThat(status(other, id)).isEqualTo(CommandStatus.PENDING);

            child.destroyForcibly().waitFor();
            assertThat(settledOnceTheServerDropsTheChild(other)).isEqualTo(1);

            assertThat(status(other, id)).isEqualTo(CommandStatus.ACCEPTED);
            assertThat(other.store().count(EventFilter.causation(id))).isEqualTo(1);
        }
    }

    @Test
    void a_live_slow_handler_in_another_process_is_never_settled_and_finishes_its_command() throws Exception {
        String url = server.freshSchemaUrl();
        String id = "cmd-" + UUID.randomUUID();
        BufferedReader out = startPaused(url, "before-append", id);
        try (Engine other = open(url)) {
            assertThat(status(other, id)).isEqualTo(CommandStatus.PENDING);
            assertThat(other.commands().settleInterrupted()).isZero();
            try (Engine third = open(url)) { // opening an engine settles too
                assertThat(status(third, id)).isEqualTo(CommandStatus.PENDING);
            }

            go(child);
            assertThat(out.readLine()).isEqualTo("done ACCEPTED");
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(status(other, id)).isEqualTo(CommandStatus.ACCEPTED);
            assertThat(other.store().count(EventFilter.causation(id))).isEqualTo(1);
        }
    }

    @Test
    void the_same_command_handled_in_another_process_waits_for_the_live_handler_and_gets_its_outcome()
            throws Exception {
        String url = server.freshSchemaUrl();
        String id = "cmd-" + UUID.randomUUID();
        BufferedReader out = startPaused(url, "before-append", id);
        try (Engine other = open(url)) {
            CommandEnvelope again = new CommandEnvelope(id, "OpenAccount",
                    Json.parse("{\"accountId\":\"" + id + "\",\"owner\":\"Ann\"}"), "ann", null, null, null);
            CompletableFuture<CommandResult> second = CompletableFuture.supplyAsync(() -> other.commands().handle(again));
            Thread.sleep(500); // long enough for it to reach the child's lock; it must still be waiting
            assertThat(second).isNotDone();
            assertThat(status(other, id)).isEqualTo(CommandStatus.PENDING);

            go(child);
            assertThat(out.readLine()).isEqualTo("done ACCEPTED");
            CommandResult result = second.get(60, TimeUnit.SECONDS);
            assertThat(result.accepted()).isTrue();
            assertThat(((CommandResult.Accepted) result).events()).hasSize(1);
            assertThat(other.store().count(EventFilter.causation(id))).isEqualTo(1); // decided once, by the child
        }
    }

    @Test
    void a_settler_that_slips_in_between_the_pending_record_and_its_lock_is_undone_under_the_lock() {
        String url = server.freshSchemaUrl();
        try (Engine first = open(url); Engine second = open(url)) {
            JournalEntry pending = new JournalEntry(command("a4"), CommandStatus.PENDING, null, "account-a4",
                    List.of("planned"));
            first.journal().record(pending);
            // The other engine settles it before the handler has locked it: nothing was appended yet.
            assertThat(second.commands().settleInterrupted()).isEqualTo(1);
            assertThat(status(first, pending.command())).isEqualTo(CommandStatus.NOT_APPLIED);

            try (JournalRowClaim claim = JournalRowClaim.hold(first.openStore().database(), pending,
                    first.journal()::record)) {
                assertThat(status(second, pending.command())).isEqualTo(CommandStatus.PENDING);
                assertThat(second.commands().settleInterrupted()).isZero();
            }
        }
    }

    /** Starts the child and returns its output once it has paused mid-command. */
    private BufferedReader startPaused(String url, String mode, String commandId) throws IOException {
        child = HandlingChild.start(url, mode, commandId, Files.createTempFile(dir, "child", ".log"));
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("the child's first line (its log: %s)", dir).isEqualTo("paused");
        return out;
    }

    private static void go(Process p) throws IOException {
        Writer in = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8);
        in.write("go\n");
        in.flush();
    }

    /** The server ends a dead client's session when it notices the closed socket: a moment, not a minute. */
    private static int settledOnceTheServerDropsTheChild(Engine engine) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int settled = engine.commands().settleInterrupted();
        while (settled == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            settled = engine.commands().settleInterrupted();
        }
        return settled;
    }

    private static Engine open(String url) {
        return Engine.open(Stores.open(url), List.of(BankAccount.type()), UpcasterChain.EMPTY);
    }

    private static CommandEnvelope command(String account) {
        return new CommandEnvelope(null, "OpenAccount", Json.parse("{\"accountId\":\"" + account + "\"}"), "ann", null,
                null, null);
    }

    private static CommandStatus status(Engine engine, CommandEnvelope command) {
        return status(engine, command.commandId());
    }

    private static CommandStatus status(Engine engine, String commandId) {
        return engine.journal().byCommandId(commandId).orElseThrow().status();
    }
}
