package io.eventscope.engine.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.engine.event.Json;
import io.eventscope.engine.store.InMemoryEventStore;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.upcast.UpcasterChain;
import io.eventscope.engine.store.jdbc.Database;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EngineTest {

    @Test
    void aBusHandlerReactingWithACommandExtendsTheCausationTreeOfTheRootCommand() throws Exception {
        Database db = Database.open("jdbc:h2:mem:engine-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        InMemoryEventStore store = new InMemoryEventStore();
        try (Engine engine = Engine.open(new OpenStore(store, db), List.of(BankAccount.type()), UpcasterChain.EMPTY)) {
            // A policy: every new account gets a welcome bonus.
            engine.bus().subscribe("welcome-bonus", "AccountOpened", opened -> engine.commands().handle(
                    CommandEnvelope.causedBy(opened, "Deposit", Json.MAPPER.createObjectNode()
                            .put("accountId", opened.aggregateId()).put("amount", 5))));

            CommandEnvelope open = CommandEnvelope.of("OpenAccount", Json.parse("{\"accountId\":\"a1\"}"), "ann", null);
            assertThat(engine.commands().handle(open).accepted()).isTrue();

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            // The reaction's command is journaled just after its events are appended.
            while (engine.journal().count() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            List<CausationNode> roots = engine.causationTrees().of(open.correlationId());
            assertThat(roots).hasSize(1);
            CausationNode bonus = roots.get(0).children().get(0).children().get(0);
            assertThat(bonus.type()).isEqualTo("Deposit");
            assertThat(bonus.children()).extracting(CausationNode::type).containsExactly("MoneyDeposited");
            assertThat(engine.journal().recent(0, 10)).extracting(e -> e.command().commandType())
                    .containsExactly("Deposit", "OpenAccount");
            assertThat(engine.timeTravel().currentState("account-a1").state().get("balance").decimalValue())
                    .isEqualByComparingTo("5");
        }
    }
}
