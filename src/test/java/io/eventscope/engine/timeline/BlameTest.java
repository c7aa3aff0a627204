package io.eventscope.engine.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.engine.event.Json;
import org.junit.jupiter.api.Test;

class BlameTest {
    private final ImportedStreams s = new ImportedStreams()
            .append("order-1", "OrderCreated", "{\"status\":\"PENDING\",\"total\":10,\"items\":[{\"sku\":\"a\"},{\"sku\":\"b\"}]}")
            .append("order-1", "ItemAdded", "{\"total\":15}")
            .append("order-1", "NoteAdded", "{\"note\":\"ring twice\"}")
            .append("order-1", "OrderPaid", "{\"status\":\"PAID\"}")
            .append("order-1", "FirstItemDropped", "{\"items\":[{\"sku\":\"b\"}]}")
            .append("order-1", "NoteRemoved", "{\"note\":null}")
            .append("order-1", "Repriced", "{\"total\":15.00}");

    private long version(FieldChange c) {
        return c.event().version();
    }

    @Test
    void namesTheEventThatLastSetAFieldAndEveryEventThatChangedIt() {
        Blame status = Blame.of(s.timeTravel, "order-1", "/status", 7);

        assertThat(status.changes()).extracting(this::version).containsExactly(1L, 4L);
        assertThat(status.last()).get().satisfies(c -> {
            assertThat(c.event().eventType()).isEqualTo("OrderPaid");
            assertThat(c.before()).isEqualTo(Json.parse("\"PENDING\""));
            assertThat(c.after()).isEqualTo(Json.parse("\"PAID\""));
        });
    }

    @Test
    void onlyLooksUpToTheVersionShown() {
        Blame status = Blame.of(s.timeTravel, "order-1", "/status", 3);

        assertThat(status.last()).get().extracting(this::version).isEqualTo(1L);
    }

    @Test
    void aRemovedFieldIsBlamedOnTheEventThatRemovedIt() {
        Blame note = Blame.of(s.timeTravel, "order-1", "/note", 7);

        assertThat(note.changes()).extracting(this::version).containsExactly(3L, 6L);
        assertThat(note.changes().get(0).before().isMissingNode()).isTrue();
        assertThat(note.last()).get().satisfies(c -> assertThat(c.removed()).isTrue());
    }

    @Test
    void anArrayItemThatMovedBecauseAnEarlierOneWentIsChanged() {
        assertThat(Blame.of(s.timeTravel, "order-1", "/items/0/sku", 7).changes())
                .extracting(this::version).containsExactly(1L, 5L);
        assertThat(Blame.of(s.timeTravel, "order-1", "/items/1/sku", 7).changes())
                .extracting(this::version).containsExactly(1L, 5L);
        assertThat(Blame.of(s.timeTravel, "order-1", "/items", 7).changes())
                .extracting(this::version).containsExactly(1L, 5L);
    }

    @Test
    void aNewScaleOfTheSameNumberIsAChangeOfWhatIsStored() {
        assertThat(Blame.of(s.timeTravel, "order-1", "/total", 7).changes())
                .extracting(this::version).containsExactly(1L, 2L, 7L);
    }

    @Test
    void aFieldNobodyTouchedHasNoBlame() {
        Blame never = Blame.of(s.timeTravel, "order-1", "/trackingNumber", 7);

        assertThat(never.changes()).isEmpty();
        assertThat(never.last()).isEmpty();
        assertThat(Blame.of(s.timeTravel, "order-1", "/status", 0).changes()).isEmpty();
    }

    @Test
    void aLongBlameReportsProgressAndStopsWhenTold() {
        ImportedStreams big = new ImportedStreams();
        for (int i = 1; i <= 2500; i++) {
            big.append("counter-1", "Counted", "{\"n\":" + i + "}");
        }
        java.util.List<Long> told = new java.util.ArrayList<>();

        Blame stopped = Blame.of(big.timeTravel, "counter-1", "/n", 2500, (done, total) -> {
            told.add(done);
            return done < 2000;
        });

        assertThat(told).containsExactly(0L, 1000L, 2000L);
        assertThat(stopped.upToVersion()).isEqualTo(2000);
        assertThat(stopped.changes()).hasSize(2000);
        assertThat(Blame.of(big.timeTravel, "counter-1", "/n", 2500).changes()).hasSize(2500);
    }

    @Test
    void theWholeStateIsChangedByEveryEventThatChangedAnything() {
        assertThat(Blame.of(s.timeTravel, "order-1", "", 7).changes()).hasSize(7);
    }
}
