package io.eventscope.engine.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.InMemoryEventStore;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class CommandHandlerTest {
    private final InMemoryEventStore store = new InMemoryEventStore();
    private final CommandJournal journal = new InMemoryCommandJournal();
    private CommandHandler handler = handler(BankAccount.type(), RetryPolicy.NONE);

    private CommandHandler handler(AggregateType<?, ?, ?> type, RetryPolicy retry) {
        StateLoader loader = new StateLoader(store, new StateCache(2, 16, 4));
        return new CommandHandler(store, journal, loader, List.of(type), retry);
    }

    private CommandResult run(String type, String json) {
        return handler.handle(CommandEnvelope.of(type, Json.parse(json), "alice", null));
    }

    @Test
    void anAcceptedCommandAppendsItsEventsWithCausationCorrelationAndUser() {
        CommandEnvelope open = CommandEnvelope.of("OpenAccount", Json.parse("{\"accountId\":\"a1\",\"owner\":\"Ann\"}"),
                "alice", "conv-1");

        CommandResult result = handler.handle(open);

        assertThat(result).isInstanceOf(CommandResult.Accepted.class);
        CommandResult.Accepted accepted = (CommandResult.Accepted) result;
        assertThat(accepted.streamId()).isEqualTo("account-a1");
        EventEnvelope event = accepted.events().get(0);
        assertThat(event.eventType()).isEqualTo("AccountOpened");
        assertThat(event.version()).isEqualTo(1);
        assertThat(event.position()).isEqualTo(1);
        assertThat(event.aggregateType()).isEqualTo("account");
        assertThat(event.aggregateId()).isEqualTo("a1");
        assertThat(event.causationId()).isEqualTo(open.commandId());
        assertThat(event.correlationId()).isEqualTo("conv-1");
        assertThat(event.metadata().userId()).isEqualTo("alice");
        assertThat(store.readStream("account-a1", 1, 10, io.eventscope.engine.store.Direction.FORWARDS))
                .containsExactly(event);

        JournalEntry entry = journal.byCommandId(open.commandId()).orElseThrow();
        assertThat(entry.status()).isEqualTo(CommandStatus.ACCEPTED);
        assertThat(entry.eventIds()).containsExactly(event.eventId());
        assertThat(entry.streamId()).isEqualTo("account-a1");
        assertThat(entry.command().payload().get("owner").asText()).isEqualTo("Ann");
    }

    @Test
    void aMissingCorrelationIdIsGenerated() {
        CommandResult.Accepted accepted = (CommandResult.Accepted) run("OpenAccount", "{\"accountId\":\"a1\"}");
        assertThat(accepted.events().get(0).correlationId()).isNotBlank();
    }

    @Test
    void aRejectedCommandAppendsNothingAndIsJournaledWithItsReason() {
        run("OpenAccount", "{\"accountId\":\"a1\"}");
        run("Deposit", "{\"accountId\":\"a1\",\"amount\":10.50}");

        CommandResult result = run("Withdraw", "{\"accountId\":\"a1\",\"amount\":20}");

        assertThat(result).isInstanceOf(CommandResult.Rejected.class);
        assertThat(((CommandResult.Rejected) result).reason()).isEqualTo("insufficient funds: balance 10.50, asked 20");
        assertThat(store.streamVersion("account-a1")).isEqualTo(2);
        JournalEntry entry = journal.byCommandId(result.commandId()).orElseThrow();
        assertThat(entry.status()).isEqualTo(CommandStatus.REJECTED);
        assertThat(entry.reason()).contains("insufficient funds");
        assertThat(entry.eventIds()).isEmpty();
    }

    @Test
    void aBadPayloadIsRejectedNamingTheField() {
        CommandResult wrongType = run("Deposit", "{\"accountId\":\"a1\",\"amount\":\"lots\"}");
        CommandResult refused = run("Deposit", "{\"accountId\":\"a1\",\"amount\":-5}");
        CommandResult notAnObject = run("Deposit", "[1]");

        assertThat(((CommandResult.Rejected) wrongType).reason()).startsWith("invalid value for amount:");
        assertThat(((CommandResult.Rejected) refused).reason()).isEqualTo("amount must be greater than 0, was -5");
        assertThat(((CommandResult.Rejected) notAnObject).reason()).contains("must be a JSON object");
        assertThat(journal.count()).isEqualTo(3);
        assertThat(store.headPosition()).isZero();
    }

    @Test
    void aMisspeltFieldIsRejectedNamingItAndTheKnownOnes() {
        CommandResult result = run("Deposit", "{\"accountId\":\"a1\",\"amuont\":5}");

        assertThat(((CommandResult.Rejected) result).reason())
                .isEqualTo("unknown field amuont (known: accountId, amount)");
        assertThat(store.headPosition()).isZero();
    }

    @Test
    void aMisspeltNestedFieldIsNamedWithItsPath() {
        // The shop's items are records inside a list: the path points into the list.
        record Line(String sku, int quantity) {
        }
        record Order(String orderId, java.util.List<Line> items) {
        }
        assertThatThrownBy(() -> CommandPayloads.read(
                Json.parse("{\"orderId\":\"o1\",\"items\":[{\"sku\":\"A\",\"quantity\":1},{\"sku\":\"B\",\"qty\":2}]}"),
                Order.class))
                .isInstanceOf(InvalidCommandException.class)
                .hasMessage("unknown field items[1].qty (known: quantity, sku)");
    }

    @Test
    void anUnknownCommandTypeIsRejectedListingTheKnownOnes() {
        CommandResult result = run("CloseAccount", "{\"accountId\":\"a1\"}");

        assertThat(((CommandResult.Rejected) result).reason())
                .isEqualTo("unknown command type 'CloseAccount'; known: Deposit, OpenAccount, Withdraw");
        assertThat(journal.byCommandId(result.commandId()).orElseThrow().status()).isEqualTo(CommandStatus.REJECTED);
    }

    @Test
    void aCommandThatNamesNoAggregateIsRejected() {
        AggregateType<BankAccount.Command, BankAccount.State, BankAccount.Event> account = BankAccount.type();
        handler = handler(new AggregateType<BankAccount.Command, BankAccount.State, BankAccount.Event>() {
            public String name() {
                return account.name();
            }

            public Decider<BankAccount.Command, BankAccount.State, BankAccount.Event> decider() {
                return account.decider();
            }

            public java.util.Map<String, Class<? extends BankAccount.Command>> commandTypes() {
                return account.commandTypes();
            }

            public String aggregateId(BankAccount.Command command) {
                return " ";
            }

            public EventCodec<BankAccount.Event> events() {
                return account.events();
            }
        }, RetryPolicy.NONE);

        CommandResult result = run("OpenAccount", "{\"accountId\":\"a1\"}");

        assertThat(((CommandResult.Rejected) result).reason()).isEqualTo("OpenAccount names no account: its account id is missing");
        assertThat(store.headPosition()).isZero();
    }

    @Test
    void aConflictIsReturnedWithStreamExpectedAndActualVersion() {
        run("OpenAccount", "{\"accountId\":\"a1\"}");
        handler = handler(BankAccount.type(interferingOnce("MoneyDeposited", 10)), RetryPolicy.NONE);

        CommandResult result = run("Deposit", "{\"accountId\":\"a1\",\"amount\":5}");

        assertThat(result).isInstanceOf(CommandResult.Conflict.class);
        CommandResult.Conflict conflict = (CommandResult.Conflict) result;
        assertThat(conflict.streamId()).isEqualTo("account-a1");
        assertThat(conflict.expected()).isEqualTo(ExpectedVersion.exactly(1));
        assertThat(conflict.actual()).isEqualTo(2);
        assertThat(conflict.reason()).isEqualTo("stream 'account-a1' was at version 2, expected 1");
        JournalEntry entry = journal.byCommandId(result.commandId()).orElseThrow();
        assertThat(entry.status()).isEqualTo(CommandStatus.CONFLICT);
        assertThat(entry.reason()).isEqualTo(conflict.reason());
        assertThat(store.streamVersion("account-a1")).isEqualTo(2);
    }

    @Test
    void theRetryPolicyReloadsAndDecidesAgain() {
        run("OpenAccount", "{\"accountId\":\"a1\"}");
        run("Deposit", "{\"accountId\":\"a1\",\"amount\":5}");
        handler = handler(BankAccount.type(interferingOnce("MoneyDeposited", 10)), RetryPolicy.attempts(2));

        CommandResult result = run("Deposit", "{\"accountId\":\"a1\",\"amount\":1}");

        assertThat(result).isInstanceOf(CommandResult.Accepted.class);
        assertThat(((CommandResult.Accepted) result).events().get(0).version()).isEqualTo(4);
        assertThat(journal.byCommandId(result.commandId()).orElseThrow().status()).isEqualTo(CommandStatus.ACCEPTED);
    }

    @Test
    void aRetriedCommandSeesTheOtherWritersEvents() {
        run("OpenAccount", "{\"accountId\":\"a1\"}");
        run("Deposit", "{\"accountId\":\"a1\",\"amount\":10}");
        handler = handler(BankAccount.type(interferingOnce("MoneyWithdrawn", 8)), RetryPolicy.attempts(3));

        // Allowed on the stale balance of 10, refused on the reloaded balance of 2.
        CommandResult result = run("Withdraw", "{\"accountId\":\"a1\",\"amount\":5}");

        assertThat(result).isInstanceOf(CommandResult.Rejected.class);
        assertThat(((CommandResult.Rejected) result).reason()).isEqualTo("insufficient funds: balance 2, asked 5");
        assertThat(store.streamVersion("account-a1")).isEqualTo(3);
    }

    @Test
    void handlingTheSameCommandIdTwiceReturnsTheFirstOutcome() {
        run("OpenAccount", "{\"accountId\":\"a1\"}");
        CommandEnvelope deposit = CommandEnvelope.of("Deposit", Json.parse("{\"accountId\":\"a1\",\"amount\":3}"),
                "alice", null);

        CommandResult first = handler.handle(deposit);
        CommandResult again = handler.handle(deposit);

        assertThat(again).isEqualTo(first);
        assertThat(store.streamVersion("account-a1")).isEqualTo(2);
    }

    @Test
    void aReactionJoinsTheCorrelationAndNamesTheEventAsItsCause() {
        CommandResult.Accepted opened = (CommandResult.Accepted) handler.handle(CommandEnvelope.of("OpenAccount",
                Json.parse("{\"accountId\":\"a1\"}"), "alice", "conv-7"));
        EventEnvelope cause = opened.events().get(0);

        CommandEnvelope reaction = CommandEnvelope.causedBy(cause, "Deposit",
                Json.parse("{\"accountId\":\"a1\",\"amount\":25}"));
        CommandResult.Accepted bonus = (CommandResult.Accepted) handler.handle(reaction);

        assertThat(reaction.causationId()).isEqualTo(cause.eventId());
        assertThat(reaction.correlationId()).isEqualTo("conv-7");
        assertThat(reaction.userId()).isEqualTo("alice");
        EventEnvelope deposited = bonus.events().get(0);
        assertThat(deposited.causationId()).isEqualTo(reaction.commandId());
        assertThat(deposited.correlationId()).isEqualTo("conv-7");
        JournalEntry journaled = journal.byCommandId(reaction.commandId()).orElseThrow();
        assertThat(journaled.command().causationId()).isEqualTo(cause.eventId());
        assertThat(store.read(EventFilter.correlation("conv-7"), 1, 10, io.eventscope.engine.store.Direction.FORWARDS))
                .extracting(EventEnvelope::eventType).containsExactly("AccountOpened", "MoneyDeposited");
    }

    /**
     * The account decider, except that during its first decision "another writer" appends an
     * event of the given type and amount to the same stream.
     */
    private Decider<BankAccount.Command, BankAccount.State, BankAccount.Event> interferingOnce(String type, int amount) {
        AtomicBoolean done = new AtomicBoolean();
        return new Decider<>() {
            @Override
            public BankAccount.State initialState() {
                return BankAccount.DECIDER.initialState();
            }

            @Override
            public Decision<BankAccount.Event> decide(BankAccount.Command command, BankAccount.State state) {
                if (done.compareAndSet(false, true)) {
                    store.append("account-" + command.accountId(), ExpectedVersion.ANY, List.of(NewEvent.of(type,
                            Json.parse("{\"accountId\":\"" + command.accountId() + "\",\"amount\":" + amount + "}"),
                            null)));
                }
                return BankAccount.DECIDER.decide(command, state);
            }

            @Override
            public BankAccount.State evolve(BankAccount.State state, BankAccount.Event event) {
                return BankAccount.DECIDER.evolve(state, event);
            }
        };
    }
}
