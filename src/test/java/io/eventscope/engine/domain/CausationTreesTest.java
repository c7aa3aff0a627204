package io.eventscope.engine.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.Metadata;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.InMemoryEventStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CausationTreesTest {
    private final InMemoryEventStore store = new InMemoryEventStore();
    private final CommandJournal journal = new InMemoryCommandJournal();
    private final CommandHandler handler = new CommandHandler(store, journal,
            new StateLoader(store, StateCache.withDefaults()), List.of(BankAccount.type()), RetryPolicy.NONE);
    private final CausationTrees trees = new CausationTrees(store, journal);

    @Test
    void everyChainLeadsBackToTheRootCommand() {
        CommandEnvelope open = CommandEnvelope.of("OpenAccount", Json.parse("{\"accountId\":\"a1\"}"), "ann", "k1");
        EventEnvelope opened = ((CommandResult.Accepted) handler.handle(open)).events().get(0);
        CommandEnvelope bonus = CommandEnvelope.causedBy(opened, "Deposit",
                Json.parse("{\"accountId\":\"a1\",\"amount\":5}"));
        EventEnvelope deposited = ((CommandResult.Accepted) handler.handle(bonus)).events().get(0);
        CommandEnvelope greedy = CommandEnvelope.causedBy(deposited, "Withdraw",
                Json.parse("{\"accountId\":\"a1\",\"amount\":50}"));
        handler.handle(greedy);
        handler.handle(CommandEnvelope.of("OpenAccount", Json.parse("{\"accountId\":\"other\"}"), "ann", "k2"));

        List<CausationNode> roots = trees.of("k1");

        assertThat(roots).hasSize(1);
        CausationNode root = roots.get(0);
        assertThat(root.isCommand()).isTrue();
        assertThat(root.id()).isEqualTo(open.commandId());
        assertThat(outline(root)).containsExactly(
                "OpenAccount",
                "  AccountOpened",
                "    Deposit",
                "      MoneyDeposited",
                "        Withdraw REJECTED");
        assertThat(root.children().get(0).children().get(0).children().get(0).children().get(0).command().reason())
                .startsWith("insufficient funds");
    }

    @Test
    void eventsWhoseCauseIsNotJournaledAreRoots() {
        store.append("imported-1", ExpectedVersion.ANY, List.of(
                new NewEvent("x1", "Imported", null, null, 1, null, Json.parse("{}"), Metadata.of(null, "k9", "gone")),
                new NewEvent("x2", "Imported", null, null, 1, null, Json.parse("{}"), Metadata.of(null, "k9", "x1"))));

        List<CausationNode> roots = trees.of("k9");

        assertThat(roots).extracting(CausationNode::id).containsExactly("x1");
        assertThat(roots.get(0).children()).extracting(CausationNode::id).containsExactly("x2");
    }

    @Test
    void aVeryLongChainOfReactionsStillMakesOneTree() {
        List<NewEvent> chain = new ArrayList<>();
        for (int i = 1; i <= 20_000; i++) {
            chain.add(new NewEvent("c" + i, "Step", null, null, 1, null, Json.parse("{}"),
                    Metadata.of(null, "long", i == 1 ? "root" : "c" + (i - 1))));
        }
        store.append("chain-1", ExpectedVersion.ANY, chain);

        CausationNode node = trees.of("long").get(0);
        int depth = 1;
        while (!node.children().isEmpty()) {
            node = node.children().get(0);
            depth++;
        }
        assertThat(depth).isEqualTo(20_000);
    }

    private static List<String> outline(CausationNode node) {
        List<String> lines = new ArrayList<>();
        outline(node, "", lines);
        return lines;
    }

    private static void outline(CausationNode node, String indent, List<String> lines) {
        String status = node.isCommand() && node.command().status() != CommandStatus.ACCEPTED
                ? " " + node.command().status() : "";
        lines.add(indent + node.type() + status);
        node.children().forEach(c -> outline(c, indent + "  ", lines));
    }
}
