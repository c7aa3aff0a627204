package io.eventscope.shop.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.shop.CommandRun;
import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** Random charges and refunds of one payment: never more refunded than captured, and the store rebuilds it. */
class PaymentProperties {

    @Property(tries = 300)
    void refunds_never_exceed_the_capture(@ForAll("commands") List<PaymentCommand> commands) {
        CommandRun<PaymentCommand, PaymentState, PaymentEvent> run = new CommandRun<>(Payment.type());
        for (PaymentCommand command : commands) {
            boolean accepted = run.handle(command).accepted();
            Statistics.label("outcome").collect(command.getClass().getSimpleName(), accepted);
            PaymentState state = run.state("p1");
            Statistics.label("status").collect(state.status());
            if (state.exists()) {
                assertThat(state.refundedAmount()).isBetween(BigDecimal.ZERO, state.amount());
                assertThat(state.status() == PaymentStatus.REFUNDED)
                        .isEqualTo(state.refundedAmount().compareTo(state.amount()) == 0);
            }
        }
        assertThat(run.stateFromStore("p1")).isEqualTo(run.state("p1"));
        Statistics.label("status").coverage(check -> check.check(PaymentStatus.REFUNDED).count(n -> n > 0));
    }

    @Provide
    Arbitrary<List<PaymentCommand>> commands() {
        Arbitrary<String> orders = Arbitraries.of("o1", "o1", "o1", "o2");
        // Few distinct amounts, so that refunds often add up to exactly the capture.
        Arbitrary<BigDecimal> amounts = Arbitraries.of("5.00", "10", "12.50", "20.00", "0.01").map(BigDecimal::new);
        Arbitrary<PaymentCommand> command = Arbitraries.oneOf(
                Combinators.combine(orders, amounts).as((order, amount) -> new ChargePayment("p1", order, amount)),
                Combinators.combine(orders, amounts).as((order, amount) -> new RefundPayment("p1", order, amount, "r")));
        return command.list().ofMaxSize(20);
    }
}
