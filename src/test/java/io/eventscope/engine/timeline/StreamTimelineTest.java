package io.eventscope.engine.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.engine.event.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamTimelineTest {
    private final ImportedStreams s = new ImportedStreams();
    private final StreamTimeline timeline = new StreamTimeline(s.timeTravel, "order-9");

    StreamTimelineTest() {
        s.append("order-9", "OrderCreated", "{\"status\":\"PENDING\",\"total\":400,\"items\":[{\"sku\":\"a\"}]}");
        for (int i = 2; i <= 40; i++) {
            s.append("order-9", "TotalChanged", "{\"total\":" + (i * 100) + "}");
        }
        s.append("order-9", "OrderCancelled", "{\"status\":\"CANCELLED\",\"items\":[]}");
        s.append("order-9", "TotalChanged", "{\"total\":0}");
        s.append("order-9", "OrderCancelled", "{\"status\":\"CANCELLED\"}");
    }

    @Test
    void aFrameHasTheStateTheEventAndWhatItChanged() {
        Frame frame = timeline.at(41);

        assertThat(frame.version()).isEqualTo(41);
        assertThat(frame.event().eventType()).isEqualTo("OrderCancelled");
        assertThat(frame.state().get("status").asText()).isEqualTo("CANCELLED");
        assertThat(frame.before().get("status").asText()).isEqualTo("PENDING");
        assertThat(frame.changedPaths().changed("/status")).isTrue();
        assertThat(frame.changedPaths().changed("/total")).isFalse();
        assertThat(frame.changedPaths().changed("/items/0")).isTrue();
        assertThat(frame.changedPaths().leadsToChange("/items")).isTrue();
    }

    @Test
    void versionZeroIsTheInitialStateWithNoEvent() {
        Frame frame = timeline.at(0);

        assertThat(frame.event()).isNull();
        assertThat(frame.state()).isEqualTo(Json.object());
        assertThat(frame.changes()).isEmpty();
    }

    @Test
    void anEventTypeBreakpointStopsOnTheFirstSuchEventAfterTheStart() {
        List<Breakpoint> cancelled = List.of(Breakpoint.onType("OrderCancelled"));

        assertThat(timeline.advance(0, 43, cancelled).frame().version()).isEqualTo(41);
        assertThat(timeline.advance(41, 43, cancelled).frame().version()).isEqualTo(43);
        assertThat(timeline.advance(0, 43, cancelled).hit()).isEqualTo(cancelled.get(0));
    }

    @Test
    void aConditionBreakpointStopsWhereTheConditionBecomesTrue() {
        List<Breakpoint> big = List.of(Breakpoint.when(Condition.parse("total > 1000")));

        StreamTimeline.Stop stop = timeline.advance(0, 43, big);

        assertThat(stop.frame().version()).isEqualTo(11);
        assertThat(stop.frame().state().get("total").asInt()).isEqualTo(1100);
        // Already true from 11 on: it does not stop again until it has been false and turns true.
        assertThat(timeline.advance(11, 43, big).hit()).isNull();
        assertThat(timeline.advance(11, 43, big).frame().version()).isEqualTo(43);
    }

    @Test
    void theEarliestOfSeveralBreakpointsWins() {
        List<Breakpoint> both = List.of(Breakpoint.onType("OrderCancelled"),
                Breakpoint.when(Condition.parse("items.length == 0")), Breakpoint.when(Condition.parse("total == 3000")));

        StreamTimeline.Stop stop = timeline.advance(5, 43, both);

        assertThat(stop.frame().version()).isEqualTo(30);
        assertThat(stop.hit().describe()).isEqualTo("when total == 3000");
    }

    @Test
    void withoutABreakpointItEndsWhereAsked() {
        StreamTimeline.Stop stop = timeline.advance(3, 17, List.of(Breakpoint.onType("Nothing")));

        assertThat(stop.hit()).isNull();
        assertThat(stop.frame().version()).isEqualTo(17);
        assertThat(stop.frame().state().get("total").asInt()).isEqualTo(1700);
    }
}
