package io.eventscope.engine.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.EventStoreException;
import io.eventscope.engine.store.InMemoryEventStore;
import io.eventscope.engine.store.Stores;
import io.eventscope.engine.store.Subscription;
import io.eventscope.engine.upcast.UpcasterChain;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal knows a command before anyone can see its events, and knows it once. */
class CommandJournalOrderTest {
    private static final int COMMANDS = 300;

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final CommandJournal journal = new InMemoryCommandJournal();

    private CommandHandler handler(EventStore store, CommandJournal journal,
                                   Decider<BankAccount.Command, BankAccount.State, BankAccount.Event> decider) {
        return new CommandHandler(store, journal, new StateLoader(store, new StateCache(2, 16, 4)),
                List.of(BankAccount.type(decider)), RetryPolicy.NONE);
    }

    private static CommandEnvelope command(String type, String json) {
        return CommandEnvelope.of(type, Json.parse(json), "ann", null);
    }

    @Test
    void aSubscriberFindsTheCommandOfEveryEventInTheJournalAndNoOrphanInItsCausationTree() throws Exception {
        assertEverySeenEventHasItsCommand(store, journal);
    }

    @Test
    void soDoesOneOnTheH2StoreAndJournal(@TempDir Path dir) throws Exception {
        try (Engine engine = Engine.open(Stores.open(dir.resolve("shop").toString()), List.of(BankAccount.type()),
                UpcasterChain.EMPTY)) {
            assertEverySeenEventHasItsCommand(engine.store(), engine.journal());
        }
    }

    private void assertEverySeenEventHasItsCommand(EventStore store, CommandJournal journal) throws Exception {
        CommandHandler handler = handler(store, journal, BankAccount.DECIDER);
        CausationTrees trees = new CausationTrees(store, journal);
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        CountDownLatch seenAll = new CountDownLatch(2 * COMMANDS);
        Subscription subscription = store.subscribe(1, event -> {
            if (journal.byCommandId(event.causationId()).isEmpty()) {
                problems.add(event.eventType() + " " + event.eventId() + ": command not journaled");
            }
            List<CausationNode> roots = trees.of(event.correlationId());
            if (roots.stream().anyMatch(root -> !root.isCommand())) {
                problems.add(event.eventType() + " " + event.eventId() + ": an event is a root of its causation tree");
            }
            seenAll.countDown();
        });
        try {
            for (int i = 0; i < COMMANDS; i++) {
                assertThat(handler.handle(command("OpenAccount", "{\"accountId\":\"a" + i + "\"}")).accepted()).isTrue();
                assertThat(handler.handle(command("Deposit", "{\"accountId\":\"a" + i + "\",\"amount\":1}")).accepted())
                        .isTrue();
            }
            assertThat(seenAll.await(60, TimeUnit.SECONDS)).as("the subscriber saw every event").isTrue();
        } finally {
            subscription.cancel();
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void twoThreadsHandlingTheSameCommandIdAppendOnceAndGetTheSameOutcome() throws Exception {
        CountDownLatch deciding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger deposits = new AtomicInteger();
        CommandHandler handler = handler(store, journal, new DelegatingDecider() {
            @Override
            public Decision<BankAccount.Event> decide(BankAccount.Command command, BankAccount.State state) {
                if (command instanceof BankAccount.Deposit) {
                    deposits.incrementAndGet();
                    deciding.countDown();
                    await(release);
                }
                return super.decide(command, state);
            }
        });
        handler.handle(command("OpenAccount", "{\"accountId\":\"a1\"}"));
        CommandEnvelope deposit = command("Deposit", "{\"accountId\":\"a1\",\"amount\":3}");
        AtomicReference<CommandResult> first = new AtomicReference<>();
        AtomicReference<CommandResult> second = new AtomicReference<>();

        Thread a = new Thread(() -> first.set(handler.handle(deposit)));
        a.start();
        await(deciding);
        Thread b = new Thread(() -> second.set(handler.handle(deposit)));
        b.start();
        // b is parked: on a's outcome (or, were there no guard, in the decider beside a).
        while (!isParked(b) && b.isAlive()) {
            Thread.onSpinWait();
        }
        release.countDown();
        a.join();
        b.join();

        assertThat(first.get()).isInstanceOf(CommandResult.Accepted.class);
        assertThat(second.get()).isEqualTo(first.get());
        assertThat(deposits).hasValue(1);
        assertThat(store.streamVersion("account-a1")).isEqualTo(2);
        assertThat(journal.byCommandId(deposit.commandId()).orElseThrow().status()).isEqualTo(CommandStatus.ACCEPTED);
    }

    @Test
    void aJournalThatCannotRecordTheCommandLeavesItsEventsUnstored() {
        CommandHandler handler = handler(store, new FailingJournal(journal, CommandStatus.PENDING), BankAccount.DECIDER);
        CommandEnvelope open = command("OpenAccount", "{\"accountId\":\"a1\"}");

        assertThatThrownBy(() -> handler.handle(open)).hasMessageContaining("journal unavailable");

        assertThat(store.headPosition()).isZero();
        assertThat(journal.byCommandId(open.commandId())).isEmpty();
    }

    @Test
    void aJournalThatCannotCompleteTheEntryLeavesItPendingWithTheStoredEventsUntilSettled() {
        CommandHandler failing = handler(store, new FailingJournal(journal, CommandStatus.ACCEPTED), BankAccount.DECIDER);
        CommandEnvelope open = command("OpenAccount", "{\"accountId\":\"a1\"}");

        CommandResult.Accepted result = (CommandResult.Accepted) failing.handle(open);

        List<String> stored = result.events().stream().map(EventEnvelope::eventId).toList();
        assertThat(stored).hasSize(1);
        JournalEntry pending = journal.byCommandId(open.commandId()).orElseThrow();
        assertThat(pending.status()).isEqualTo(CommandStatus.PENDING);
        assertThat(pending.eventIds()).isEqualTo(stored);

        CommandHandler healthy = handler(store, journal, BankAccount.DECIDER);
        assertThat(healthy.handle(open)).isEqualTo(result);
        assertThat(journal.byCommandId(open.commandId()).orElseThrow())
                .extracting(JournalEntry::status, JournalEntry::eventIds)
                .containsExactly(CommandStatus.ACCEPTED, stored);
        assertThat(store.headPosition()).isEqualTo(1);
    }

    @Test
    void aCommandCutShortBeforeItsAppendIsSettledNotAppliedOnReopenAndCanBeSentAgain(@TempDir Path dir) {
        String spec = dir.resolve("shop").toString();
        CommandEnvelope applied = command("OpenAccount", "{\"accountId\":\"a1\"}");
        CommandEnvelope cutShort = command("OpenAccount", "{\"accountId\":\"a2\"}");
        List<String> appliedIds;
        try (Engine engine = Engine.open(Stores.open(spec), List.of(BankAccount.type()), UpcasterChain.EMPTY)) {
            CommandResult.Accepted result = (CommandResult.Accepted) engine.commands().handle(applied);
            appliedIds = result.events().stream().map(EventEnvelope::eventId).toList();
            // What a process killed in the middle leaves: one entry completed only in the store, one only journaled.
            engine.journal().record(new JournalEntry(applied, CommandStatus.PENDING, null, "account-a1", appliedIds));
            engine.journal().record(new JournalEntry(cutShort, CommandStatus.PENDING, null, "account-a2",
                    List.of("planned-event")));
        }

        try (Engine engine = Engine.open(Stores.open(spec), List.of(BankAccount.type()), UpcasterChain.EMPTY)) {
            JournalEntry settledApplied = engine.journal().byCommandId(applied.commandId()).orElseThrow();
            assertThat(settledApplied.status()).isEqualTo(CommandStatus.ACCEPTED);
            assertThat(settledApplied.eventIds()).isEqualTo(appliedIds);
            JournalEntry notApplied = engine.journal().byCommandId(cutShort.commandId()).orElseThrow();
            assertThat(notApplied.status()).isEqualTo(CommandStatus.NOT_APPLIED);
            assertThat(notApplied.reason()).contains("engine stopped").contains("before its events were stored");
            assertThat(notApplied.eventIds()).isEmpty();
            assertThat(engine.store().streamVersion("account-a2")).isZero();

            assertThat(engine.commands().handle(cutShort).accepted()).isTrue();
            assertThat(engine.store().streamVersion("account-a2")).isEqualTo(1);
            assertThat(engine.journal().byCommandId(cutShort.commandId()).orElseThrow().status())
                    .isEqualTo(CommandStatus.ACCEPTED);
        }
    }

    @Test
    void anAppendTheStoreRefusesLeavesTheCommandNotAppliedWithTheStoresReason() {
        // The store reads as usual but refuses every append, as a full disk would.
        EventStore refusing = (EventStore) Proxy.newProxyInstance(EventStore.class.getClassLoader(),
                new Class<?>[] {EventStore.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("append")) {
                        throw new EventStoreException("disk full");
                    }
                    return method.invoke(store, args);
                });
        CommandEnvelope open = command("OpenAccount", "{\"accountId\":\"a1\"}");

        assertThatThrownBy(() -> handler(refusing, journal, BankAccount.DECIDER).handle(open)).hasMessage("disk full");

        JournalEntry entry = journal.byCommandId(open.commandId()).orElseThrow();
        assertThat(entry.status()).isEqualTo(CommandStatus.NOT_APPLIED);
        assertThat(entry.reason()).isEqualTo("the store did not take its events: disk full");
        assertThat(store.read(EventFilter.ALL, 1, 10, Direction.FORWARDS)).isEmpty();
    }

    private static boolean isParked(Thread thread) {
        return thread.getState() == Thread.State.WAITING || thread.getState() == Thread.State.TIMED_WAITING;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static class DelegatingDecider implements Decider<BankAccount.Command, BankAccount.State, BankAccount.Event> {
        @Override
        public BankAccount.State initialState() {
            return BankAccount.DECIDER.initialState();
        }

        @Override
        public Decision<BankAccount.Event> decide(BankAccount.Command command, BankAccount.State state) {
            return BankAccount.DECIDER.decide(command, state);
        }

        @Override
        public BankAccount.State evolve(BankAccount.State state, BankAccount.Event event) {
            return BankAccount.DECIDER.evolve(state, event);
        }
    }

    /** A journal whose writes of one status fail, as a full disk or a lost connection would. */
    private record FailingJournal(CommandJournal journal, CommandStatus failing) implements CommandJournal {
        @Override
        public void record(JournalEntry entry) {
            if (entry.status() == failing) {
                throw new IllegalStateException("journal unavailable");
            }
            journal.record(entry);
        }

        @Override
        public Optional<JournalEntry> byCommandId(String commandId) {
            return journal.byCommandId(commandId);
        }

        @Override
        public List<JournalEntry> byCorrelationId(String correlationId) {
            return journal.byCorrelationId(correlationId);
        }

        @Override
        public List<JournalEntry> recent(int offset, int limit) {
            return journal.recent(offset, limit);
        }

        @Override
        public long count() {
            return journal.count();
        }

        @Override
        public List<JournalEntry> pending() {
            return journal.pending();
        }
    }
}
