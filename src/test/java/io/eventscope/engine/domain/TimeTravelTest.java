package io.eventscope.engine.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.InMemoryEventStore;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimeTravelTest {
    private final InMemoryEventStore store = new InMemoryEventStore();
    private final StateLoader loader = new StateLoader(store, new StateCache(3, 8, 4));
    private final CommandHandler handler = new CommandHandler(store, new InMemoryCommandJournal(), loader,
            List.of(BankAccount.type()), RetryPolicy.NONE);
    private final TimeTravel timeTravel = new TimeTravel(store, loader, Map.of("account", BankAccount.type()));

    private void run(String type, String json) {
        assertThat(handler.handle(CommandEnvelope.of(type, Json.parse(json), "ann", null)).accepted()).isTrue();
    }

    private void append(String stream, String type, String json) {
        store.append(stream, ExpectedVersion.ANY, List.of(NewEvent.of(type, Json.parse(json), null)));
    }

    @Test
    void aStreamWithADeciderHasItsStateAtEveryVersion() {
        run("OpenAccount", "{\"accountId\":\"a1\",\"owner\":\"Ann\"}");
        run("Deposit", "{\"accountId\":\"a1\",\"amount\":10}");
        run("Withdraw", "{\"accountId\":\"a1\",\"amount\":4}");

        StreamState initial = timeTravel.stateAt("account-a1", 0);
        StreamState afterDeposit = timeTravel.stateAt("account-a1", 2);
        StreamState now = timeTravel.currentState("account-a1");

        assertThat(initial.state().get("open").asBoolean()).isFalse();
        assertThat(afterDeposit.state().get("balance").decimalValue()).isEqualByComparingTo("10");
        assertThat(now.version()).isEqualTo(3);
        assertThat(now.streamLength()).isEqualTo(3);
        assertThat(now.foldedBy()).isEqualTo("account");
        assertThat(now.state()).isEqualTo(Json.MAPPER.valueToTree(
                new BankAccount.State("a1", "Ann", new BigDecimal("6"), true)));
    }

    @Test
    void aStreamWithoutADeciderFoldsAsAJsonMergePatch() {
        append("imported-7", "Created", "{\"name\":\"lamp\",\"price\":{\"amount\":12.5,\"currency\":\"EUR\"},\"tags\":[\"a\"]}");
        append("imported-7", "Repriced", "{\"price\":{\"amount\":9.99}}");
        append("imported-7", "Untagged", "{\"tags\":null,\"note\":\"sale\"}");

        assertThat(timeTravel.stateAt("imported-7", 1).state()).isEqualTo(Json.parse(
                "{\"name\":\"lamp\",\"price\":{\"amount\":12.5,\"currency\":\"EUR\"},\"tags\":[\"a\"]}"));
        assertThat(timeTravel.stateAt("imported-7", 2).state()).isEqualTo(Json.parse(
                "{\"name\":\"lamp\",\"price\":{\"amount\":9.99,\"currency\":\"EUR\"},\"tags\":[\"a\"]}"));
        StreamState last = timeTravel.stateAt("imported-7", 3);
        assertThat(last.state()).isEqualTo(Json.parse(
                "{\"name\":\"lamp\",\"price\":{\"amount\":9.99,\"currency\":\"EUR\"},\"note\":\"sale\"}"));
        assertThat(last.foldedBy()).isNull();
    }

    @Test
    void earlierStatesStayIntactWhenLaterOnesAreMerged() {
        append("imported-1", "A", "{\"nested\":{\"x\":1}}");
        append("imported-1", "B", "{\"nested\":{\"y\":2}}");
        timeTravel.stateAt("imported-1", 2);
        timeTravel.stateAt("imported-1", 2).state().withObject("/nested").put("x", 99);

        assertThat(timeTravel.stateAt("imported-1", 1).state()).isEqualTo(Json.parse("{\"nested\":{\"x\":1}}"));
        assertThat(timeTravel.stateAt("imported-1", 2).state()).isEqualTo(Json.parse("{\"nested\":{\"x\":1,\"y\":2}}"));
    }

    @Test
    void historyGivesEachEventWithStatesAroundItAndTheChangedPaths() {
        run("OpenAccount", "{\"accountId\":\"a1\",\"owner\":\"Ann\"}");
        run("Deposit", "{\"accountId\":\"a1\",\"amount\":10}");
        run("Withdraw", "{\"accountId\":\"a1\",\"amount\":4}");

        List<HistoryStep> steps = timeTravel.history("account-a1", 2, 99);

        assertThat(steps).extracting(s -> s.event().eventType()).containsExactly("MoneyDeposited", "MoneyWithdrawn");
        HistoryStep deposit = steps.get(0);
        assertThat(deposit.before().get("balance").decimalValue()).isEqualByComparingTo("0");
        assertThat(deposit.after().get("balance").decimalValue()).isEqualByComparingTo("10");
        assertThat(deposit.changes()).hasSize(1);
        assertThat(deposit.changes().get(0).get("op").asText()).isEqualTo("replace");
        assertThat(deposit.changes().get(0).get("path").asText()).isEqualTo("/balance");
        assertThat(deposit.changes().get(0).get("value").decimalValue()).isEqualByComparingTo("10");
        assertThat(steps.get(1).before()).isEqualTo(deposit.after());
    }

    @Test
    void historyOfAGenericStreamReportsAddsAndRemoves() {
        append("imported-2", "A", "{\"a\":1,\"b\":2}");
        append("imported-2", "B", "{\"a\":null,\"c\":3}");

        List<HistoryStep> steps = timeTravel.history("imported-2", 1, 2);

        assertThat(steps.get(0).changes()).isEqualTo(Json.parse(
                "[{\"op\":\"add\",\"path\":\"/a\",\"value\":1},{\"op\":\"add\",\"path\":\"/b\",\"value\":2}]"));
        assertThat(steps.get(1).changes()).isEqualTo(Json.parse(
                "[{\"op\":\"remove\",\"path\":\"/a\"},{\"op\":\"add\",\"path\":\"/c\",\"value\":3}]"));
    }

    @Test
    void versionsOutsideTheStreamAreRefusedNamingTheRange() {
        append("imported-3", "A", "{}");

        assertThatThrownBy(() -> timeTravel.stateAt("imported-3", 2))
                .hasMessage("version 2 is outside stream 'imported-3', which has versions 0 to 1");
        assertThatThrownBy(() -> timeTravel.history("imported-3", 0, 1))
                .hasMessageContaining("has versions 1 to 1");
        assertThatThrownBy(() -> timeTravel.stateAt("nowhere-1", 0))
                .hasMessage("no stream 'nowhere-1' in memory");
    }

    @Test
    void anEventTheDeciderCannotReadIsNamedInTheError() {
        run("OpenAccount", "{\"accountId\":\"a1\"}");
        append("account-a1", "SomethingOdd", "{}");

        assertThatThrownBy(() -> timeTravel.currentState("account-a1"))
                .isInstanceOf(StateFoldException.class)
                .hasMessageContaining("SomethingOdd, version 2 of stream 'account-a1', position 2")
                .hasMessageContaining("unknown account event type 'SomethingOdd'");
    }
}
