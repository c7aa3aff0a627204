package io.eventscope.engine.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.engine.event.Json;
import io.eventscope.engine.store.InMemoryEventStore;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class TimeTravelProperties {

    /** A deposit (positive) or a withdrawal (negative) in cents; withdrawals may be refused. */
    @Provide
    Arbitrary<List<Integer>> movements() {
        return Arbitraries.integers().between(-5_000, 5_000).filter(i -> i != 0).list().ofMinSize(0).ofMaxSize(120);
    }

    @Property(tries = 200)
    void stateAtAnyVersionEqualsTheFoldOfTheFirstEvents(@ForAll("movements") List<Integer> movements,
                                                        @ForAll @IntRange(min = 1, max = 10) int interval,
                                                        @ForAll @Size(min = 1, max = 15) List<@IntRange(min = 0, max = 1000) Integer> jumps) {
        InMemoryEventStore store = new InMemoryEventStore();
        StateLoader loader = new StateLoader(store, new StateCache(interval, 4, 2));
        CommandHandler handler = new CommandHandler(store, new InMemoryCommandJournal(), loader,
                List.of(BankAccount.type()), RetryPolicy.NONE);
        TimeTravel timeTravel = new TimeTravel(store, loader, Map.of("account", BankAccount.type()));
        handler.handle(CommandEnvelope.of("OpenAccount", Json.parse("{\"accountId\":\"p\"}"), null, null));
        for (int cents : movements) {
            String type = cents > 0 ? "Deposit" : "Withdraw";
            BigDecimal amount = BigDecimal.valueOf(Math.abs(cents), 2);
            handler.handle(CommandEnvelope.of(type, Json.MAPPER.createObjectNode()
                    .put("accountId", "p").put("amount", amount), null, null));
        }
        long length = store.streamVersion("account-p");

        // Jumps in random order, so checkpoints are made, thinned and used in any order.
        for (int jump : jumps) {
            long version = jump % (length + 1);
            assertThat(timeTravel.stateAt("account-p", version).state())
                    .isEqualTo(Json.MAPPER.valueToTree(foldOfFirst(store, version)));
        }
    }

    private static BankAccount.State foldOfFirst(InMemoryEventStore store, long version) {
        BankAccount.State state = BankAccount.DECIDER.initialState();
        for (var e : store.readStream("account-p", 1, (int) version, io.eventscope.engine.store.Direction.FORWARDS)) {
            state = BankAccount.DECIDER.evolve(state, BankAccount.CODEC.fromJson(e.eventType(), e.data()));
        }
        return state;
    }
}
