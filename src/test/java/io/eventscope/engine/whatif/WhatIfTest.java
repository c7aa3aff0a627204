package io.eventscope.engine.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventscope.engine.domain.CommandEnvelope;
import io.eventscope.engine.domain.Engine;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.io.ProgressMonitor;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.EventStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What-if replay on the shop, over a real H2 file store that must come out untouched. */
class WhatIfTest {
    @TempDir
    Path dir;

    @Test
    void skipping_the_payment_makes_the_later_shipping_rejected_with_its_reason_and_leaves_the_store_file_as_it_was()
            throws Exception {
        Path file = dir.resolve("shop.mv.db");
        try (Engine engine = ShopHistory.open(dir.resolve("shop").toString())) {
            ShopHistory shop = new ShopHistory(engine);
            shop.paidAndShipped();
            EventEnvelope paid = shop.eventOfType("OrderPaid");
            String before = sha256(file);

            WhatIfResult result = shop.whatIf().run(new Fork(paid.position(),
                    Scope.correlation(ShopHistory.CORRELATION), new Change.Skip(paid.eventId())), ProgressMonitor.NONE);

            assertThat(result.outcomes()).hasSize(1);
            CommandOutcome ship = result.outcomes().get(0);
            assertThat(ship.command().commandType()).isEqualTo("ShipOrder");
            assertThat(ship.verdict()).isEqualTo(Verdict.NOW_REJECTED);
            assertThat(ship.branch().reason()).isEqualTo("Order o1 is not paid yet; only a paid order ships.");
            assertThat(ship.original().events()).extracting(EventEnvelope::eventType).containsExactly("OrderShipped");
            StateComparison order = result.states().get(0);
            assertThat(order.streamId()).isEqualTo("order-o1");
            assertThat(order.original().get("status").asText()).isEqualTo("SHIPPED");
            assertThat(order.branch().get("status").asText()).isEqualTo("PENDING");
            assertThat(order.differingFields().paths()).contains("/status", "/paidAmount", "/trackingNumber");
            assertThat(result.branchLog()).extracting(EventEnvelope::eventType).containsExactly("OrderCreated");
            assertThat(result.differs()).isTrue();
            assertThat(sha256(file)).as("the store file, byte for byte").isEqualTo(before);
            assertThat(engine.store().headPosition()).isEqualTo(3);
        }
    }

    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file)));
    }

    @Test
    void editing_the_captured_amount_turns_a_refused_refund_into_an_accepted_one() {
        try (Engine engine = ShopHistory.open("memory")) {
            ShopHistory shop = new ShopHistory(engine);
            EventEnvelope captured = shop.accepted("ChargePayment", """
                    {"orderId": "o1", "amount": 10.00}""");
            assertThat(shop.rejected("RefundPayment", """
                    {"paymentId": "o1", "orderId": "o1", "amount": 15.00, "reason": "damaged"}"""))
                    .isEqualTo("Cannot refund 15.00 EUR of payment o1: only 10.00 EUR is left to refund.");

            var data = captured.data().deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) data).put("amount", new java.math.BigDecimal("20.00"));
            WhatIfResult result = shop.whatIf().run(new Fork(captured.position(),
                    Scope.correlation(ShopHistory.CORRELATION), new Change.Replace(captured.eventId(), data)),
                    ProgressMonitor.NONE);

            CommandOutcome refund = result.outcomes().get(0);
            assertThat(refund.verdict()).isEqualTo(Verdict.NOW_ACCEPTED);
            assertThat(refund.branch().events()).extracting(EventEnvelope::eventType).containsExactly("PaymentRefunded");
            assertThat(refund.diff().toString()).contains("PaymentRefunded");
            StateComparison payment = result.states().get(0);
            assertThat(payment.branch().get("refundedAmount").decimalValue()).isEqualByComparingTo("15.00");
        }
    }

    @Test
    void an_unchanged_fork_gives_same_for_every_command_and_no_difference() {
        try (Engine engine = ShopHistory.open("memory")) {
            ShopHistory shop = new ShopHistory(engine);
            EventEnvelope created = shop.accepted("CreateOrder", """
                    {"orderId": "o1", "userId": "alice", "items": [{"sku": "a", "quantity": 2, "unitPrice": 12.25}]}""");
            shop.rejected("PayOrder", """
                    {"orderId": "o1", "amount": 20}""");
            shop.accepted("PayOrder", """
                    {"orderId": "o1", "amount": 24.50}""");
            shop.rejected("PayOrder", """
                    {"orderId": "o1", "amount": 24.50}""");
            shop.accepted("CancelOrder", """
                    {"orderId": "o1", "reason": "changed my mind"}""");

            WhatIfResult result = shop.whatIf().run(new Fork(created.position(),
                    Scope.correlation(ShopHistory.CORRELATION), new Change.Keep()), ProgressMonitor.NONE);

            assertThat(result.outcomes()).hasSize(4)
                    .allSatisfy(o -> assertThat(o.verdict()).as(o.command().commandType()).isEqualTo(Verdict.SAME));
            assertThat(result.states()).noneMatch(StateComparison::differs);
            assertThat(result.differs()).isFalse();
        }
    }

    @Test
    void an_inserted_command_is_decided_right_after_the_fork_and_changes_what_follows() {
        try (Engine engine = ShopHistory.open("memory")) {
            ShopHistory shop = new ShopHistory(engine);
            EventEnvelope created = shop.accepted("CreateOrder", """
                    {"orderId": "o1", "userId": "alice", "items": [{"sku": "a", "quantity": 1, "unitPrice": 5.00}]}""");
            shop.accepted("PayOrder", """
                    {"orderId": "o1", "amount": 5.00}""");

            CommandEnvelope cancel = CommandEnvelope.of("CancelOrder", Json.parse("""
                    {"orderId": "o1", "reason": "what if"}"""), "bob", ShopHistory.CORRELATION);
            WhatIfResult result = shop.whatIf().run(new Fork(created.position(),
                    Scope.correlation(ShopHistory.CORRELATION), new Change.Insert(cancel)), ProgressMonitor.NONE);

            assertThat(result.outcomes()).extracting(CommandOutcome::verdict)
                    .containsExactly(Verdict.INSERTED, Verdict.NOW_REJECTED);
            assertThat(result.outcomes().get(1).branch().reason()).isEqualTo("Order o1 is cancelled and cannot be paid.");
        }
    }

    @Test
    void a_chosen_stream_scope_re_decides_the_commands_of_that_stream_only() {
        try (Engine engine = ShopHistory.open("memory")) {
            ShopHistory shop = new ShopHistory(engine);
            shop.paidAndShipped();
            shop.accepted("ChargePayment", """
                    {"orderId": "o1", "amount": 24.50}""");
            EventEnvelope paid = shop.eventOfType("OrderPaid");
            WhatIfResult result = shop.whatIf().run(new Fork(paid.position(), Scope.streams(Set.of("order-o1")),
                    new Change.Skip(paid.eventId())), ProgressMonitor.NONE);
            assertThat(result.states()).extracting(StateComparison::streamId).containsExactly("order-o1");
            assertThat(result.outcomes()).extracting(o -> o.command().commandType()).containsExactly("ShipOrder");
        }
    }

    @Test
    void an_edit_that_does_not_fit_the_event_is_refused_naming_the_field() {
        try (Engine engine = ShopHistory.open("memory")) {
            ShopHistory shop = new ShopHistory(engine);
            shop.paidAndShipped();
            EventEnvelope paid = shop.eventOfType("OrderPaid");
            Fork badAmount = new Fork(paid.position(), Scope.correlation(ShopHistory.CORRELATION),
                    new Change.Replace(paid.eventId(), Json.parse("{\"orderId\":\"o1\",\"amount\":\"lots\"}")));
            assertThatThrownBy(() -> shop.whatIf().run(badAmount, ProgressMonitor.NONE))
                    .hasMessageContaining("amount: expected a number, found a string");
            Fork misspelt = new Fork(paid.position(), Scope.correlation(ShopHistory.CORRELATION),
                    new Change.Replace(paid.eventId(), Json.parse("{\"orderId\":\"o1\",\"amont\":1}")));
            assertThatThrownBy(() -> shop.whatIf().run(misspelt, ProgressMonitor.NONE))
                    .hasMessageContaining("unknown field amont")
                    .hasMessageContaining("amount: missing");
            Fork tooEarly = new Fork(1, Scope.correlation(ShopHistory.CORRELATION), new Change.Skip(paid.eventId()));
            assertThatThrownBy(() -> shop.whatIf().run(tooEarly, ProgressMonitor.NONE))
                    .hasMessageContaining("after the fork point 1");
        }
    }

    @Test
    void a_stream_without_a_decider_can_be_edited_and_says_there_is_nothing_to_re_decide() {
        try (Engine engine = ShopHistory.open("memory")) {
            EventStore store = engine.store();
            store.append("ledger-1", ExpectedVersion.NO_STREAM, List.of(
                    NewEvent.of("Opened", Json.parse("{\"balance\":1}"), null),
                    NewEvent.of("Moved", Json.parse("{\"balance\":2}"), null)));
            EventEnvelope opened = store.readStream("ledger-1", 1, 1, io.eventscope.engine.store.Direction.FORWARDS).get(0);
            WhatIfResult result = new ShopHistory(engine).whatIf().run(new Fork(1, Scope.streams(Set.of("ledger-1")),
                    new Change.Skip(opened.eventId())), ProgressMonitor.NONE);
            assertThat(result.redecided()).isFalse();
            assertThat(result.notes()).anyMatch(n -> n.contains("ledger-1 has no decider"));
            assertThat(result.branchLog()).extracting(EventEnvelope::eventType).containsExactly("Moved");
            assertThat(result.states().get(0).differs()).isFalse();
        }
    }

    @Test
    void a_cancelled_replay_stops() {
        try (Engine engine = ShopHistory.open("memory")) {
            ShopHistory shop = new ShopHistory(engine);
            shop.paidAndShipped();
            ProgressMonitor cancelled = new ProgressMonitor() {
                @Override
                public void progress(long done, long total) {
                }

                @Override
                public boolean isCancelled() {
                    return true;
                }
            };
            assertThatThrownBy(() -> shop.whatIf().run(new Fork(1, Scope.correlation(ShopHistory.CORRELATION), null),
                    cancelled)).isInstanceOf(CancellationException.class);
        }
    }
}
