package io.eventscope.engine.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CorrelationTimelineTest {
    private final ImportedStreams s = new ImportedStreams()
            .append("stock-lamp", "Restocked", "{\"available\":10}", "restock", null)      // 1
            .append("order-1", "OrderCreated", "{\"status\":\"PENDING\"}", "c1", null)     // 2
            .append("stock-lamp", "Reserved", "{\"available\":8}", "c1", null)            // 3
            .append("order-2", "OrderCreated", "{\"status\":\"PENDING\"}", "c2", null)     // 4
            .append("stock-lamp", "Reserved", "{\"available\":7}", "c2", null)            // 5
            .append("payment-1", "PaymentCaptured", "{\"amount\":20}", "c1", null)        // 6
            .append("order-1", "OrderPaid", "{\"status\":\"PAID\"}", "c1", null);          // 7

    private final CorrelationTimeline c1 = CorrelationTimeline.load(s.store, s.timeTravel, "c1");

    @Test
    void findsEveryPositionAndStreamTheCorrelationTouched() {
        assertThat(c1.events()).extracting(e -> e.position()).containsExactly(2L, 3L, 6L, 7L);
        assertThat(c1.streams()).containsExactly("order-1", "stock-lamp", "payment-1");
        assertThat(c1.lastStep()).isEqualTo(4);
        assertThat(c1.positionAt(0)).isEqualTo(1);
        assertThat(c1.positionAt(3)).isEqualTo(6);
    }

    @Test
    void showsEachAggregatesStateAtTheStepsPositionIncludingOtherCorrelationsEvents() {
        List<CorrelationTimeline.AggregateAt> atPayment = c1.statesAt(3);

        assertThat(atPayment).extracting(a -> a.state().streamId()).containsExactly("order-1", "stock-lamp", "payment-1");
        assertThat(atPayment).extracting(a -> a.state().version()).containsExactly(1L, 3L, 1L);
        assertThat(atPayment.get(0).state().state().get("status").asText()).isEqualTo("PENDING");
        // Order 2's reservation (position 5, another correlation) has happened by position 6.
        assertThat(atPayment.get(1).state().state().get("available").asInt()).isEqualTo(7);
        assertThat(atPayment).extracting(CorrelationTimeline.AggregateAt::changedHere).containsExactly(false, false, true);
    }

    @Test
    void stepZeroIsJustBeforeTheFirstEvent() {
        List<CorrelationTimeline.AggregateAt> before = c1.statesAt(0);

        assertThat(before).extracting(a -> a.state().version()).containsExactly(0L, 1L, 0L);
        assertThat(before).noneMatch(CorrelationTimeline.AggregateAt::changedHere);
        assertThat(c1.statesAt(2).get(1).state().state().get("available").asInt()).isEqualTo(8);
    }

    @Test
    void anUnknownCorrelationOrStepIsNamed() {
        assertThatThrownBy(() -> CorrelationTimeline.load(s.store, s.timeTravel, "nope"))
                .hasMessage("no events with correlation ID 'nope' in memory");
        assertThatThrownBy(() -> c1.statesAt(5))
                .hasMessage("step 5 is outside correlation 'c1', which has steps 0 to 4");
    }
}
