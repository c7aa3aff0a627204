package io.eventscope.engine.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.engine.event.Json;
import java.math.BigDecimal;
import java.util.Map;

/** A tiny aggregate for engine tests: open an account, deposit, withdraw; no overdraft. */
final class BankAccount {
    private BankAccount() {
    }

    sealed interface Command permits Open, Deposit, Withdraw {
        String accountId();
    }

    record Open(String accountId, String owner) implements Command {
        Open {
            require(accountId, "accountId");
        }
    }

    record Deposit(String accountId, BigDecimal amount) implements Command {
        Deposit {
            require(accountId, "accountId");
            positive(amount);
        }
    }

    record Withdraw(String accountId, BigDecimal amount) implements Command {
        Withdraw {
            require(accountId, "accountId");
            positive(amount);
        }
    }

    sealed interface Event permits Opened, Deposited, Withdrawn {
    }

    record Opened(String accountId, String owner) implements Event {
    }

    record Deposited(String accountId, BigDecimal amount) implements Event {
    }

    record Withdrawn(String accountId, BigDecimal amount) implements Event {
    }

    record State(String accountId, String owner, BigDecimal balance, boolean open) {
        static final State NONE = new State(null, null, BigDecimal.ZERO, false);
    }

    static final Decider<Command, State, Event> DECIDER = new Decider<>() {
        @Override
        public State initialState() {
            return State.NONE;
        }

        @Override
        public Decision<Event> decide(Command command, State state) {
            if (command instanceof Open o) {
                return state.open() ? Decision.reject("account " + o.accountId() + " is already open")
                        : Decision.accept(new Opened(o.accountId(), o.owner()));
            }
            if (!state.open()) {
                return Decision.reject("account " + command.accountId() + " does not exist");
            }
            if (command instanceof Deposit d) {
                return Decision.accept(new Deposited(d.accountId(), d.amount()));
            }
            Withdraw w = (Withdraw) command;
            if (w.amount().compareTo(state.balance()) > 0) {
                return Decision.reject("insufficient funds: balance " + state.balance() + ", asked " + w.amount());
            }
            return Decision.accept(new Withdrawn(w.accountId(), w.amount()));
        }

        @Override
        public State evolve(State state, Event event) {
            if (event instanceof Opened o) {
                return new State(o.accountId(), o.owner(), BigDecimal.ZERO, true);
            }
            if (event instanceof Deposited d) {
                return new State(state.accountId(), state.owner(), state.balance().add(d.amount()), true);
            }
            Withdrawn w = (Withdrawn) event;
            return new State(state.accountId(), state.owner(), state.balance().subtract(w.amount()), true);
        }
    };

    static final Map<String, Class<? extends Event>> EVENT_TYPES = Map.of(
            "AccountOpened", Opened.class, "MoneyDeposited", Deposited.class, "MoneyWithdrawn", Withdrawn.class);

    static final EventCodec<Event> CODEC = new EventCodec<>() {
        @Override
        public String typeName(Event event) {
            return EVENT_TYPES.entrySet().stream().filter(e -> e.getValue() == event.getClass())
                    .findFirst().orElseThrow().getKey();
        }

        @Override
        public int schemaVersion(Event event) {
            return 1;
        }

        @Override
        public JsonNode toJson(Event event) {
            return Json.MAPPER.valueToTree(event);
        }

        @Override
        public Event fromJson(String typeName, JsonNode data) {
            Class<? extends Event> type = EVENT_TYPES.get(typeName);
            if (type == null) {
                throw new IllegalArgumentException("unknown account event type '" + typeName + "'");
            }
            return Json.MAPPER.convertValue(data, type);
        }

        @Override
        public boolean knows(String typeName) {
            return EVENT_TYPES.containsKey(typeName);
        }
    };

    static AggregateType<Command, State, Event> type() {
        return type(DECIDER);
    }

    /** The account type with another decider, e.g. one that lets a test interfere mid-command. */
    static AggregateType<Command, State, Event> type(Decider<Command, State, Event> decider) {
        return new AggregateType<>() {
            @Override
            public String name() {
                return "account";
            }

            @Override
            public Decider<Command, State, Event> decider() {
                return decider;
            }

            @Override
            public Map<String, Class<? extends Command>> commandTypes() {
                return Map.of("OpenAccount", Open.class, "Deposit", Deposit.class, "Withdraw", Withdraw.class);
            }

            @Override
            public String aggregateId(Command command) {
                return command.accountId();
            }

            @Override
            public EventCodec<Event> events() {
                return CODEC;
            }
        };
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
    }

    private static void positive(BigDecimal amount) {
        if (amount == null || amount.signum() <= 0) {
            throw new IllegalArgumentException("amount must be greater than 0, was " + amount);
        }
    }
}
