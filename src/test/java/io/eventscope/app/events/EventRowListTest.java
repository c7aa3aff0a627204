package io.eventscope.app.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The paged list behind the Events table, with a loader the test answers by hand. */
class EventRowListTest {

    /** Remembers each read and answers it when the test says so, as a slow store would. */
    private static final class ManualLoader implements EventRowList.PageLoader {
        final List<Long> requested = new ArrayList<>();
        private final List<Runnable> pending = new ArrayList<>();

        @Override
        public void load(long fromPosition, int count, Consumer<List<EventSummary>> onLoaded, Runnable onFailed) {
            requested.add(fromPosition);
            pending.add(() -> onLoaded.accept(LongStream.range(fromPosition, fromPosition + count)
                    .mapToObj(EventRowListTest::summary).toList()));
        }

        void answerNext() {
            pending.remove(0).run();
        }
    }

    @Test
    void rowsKnowTheirPositionAtOnceAndFillWhenTheirPageArrives() {
        ManualLoader loader = new ManualLoader();
        EventRowList rows = new EventRowList(RowPositions.contiguous(1_000_000), loader);

        EventRow row = rows.get(123_456);
        assertThat(rows).hasSize(1_000_000);
        assertThat(row.position()).isEqualTo(123_457);
        assertThat(row.isLoaded()).isFalse();
        assertThat(loader.requested).containsExactly(123_001L);

        loader.answerNext();
        assertThat(row.summary().get().streamId()).isEqualTo("s-123457");
        assertThat(rows.get(123_001).isLoaded()).isTrue();
    }

    @Test
    void scrollingFasterThanTheStoreReadsOnlyThePagesAskedForLast() {
        ManualLoader loader = new ManualLoader();
        EventRowList rows = new EventRowList(RowPositions.contiguous(1_000_000), loader);
        rows.get(0); // read at once
        for (int page = 1; page <= 20; page++) {
            rows.get(page * EventRowList.PAGE_SIZE); // queued while the first read is running
        }
        loader.answerNext();
        loader.answerNext();
        assertThat(loader.requested).containsExactly(1L, 10_001L, 9_501L);
        EventRow skipped = rows.get(EventRowList.PAGE_SIZE);
        assertThat(skipped.isLoaded()).isFalse();
        assertThat(loader.requested).hasSize(3); // the skipped page is asked for again only now
    }

    @Test
    void filteredRowsShowTheMatchingPositionsAndLiveEventsAppend() {
        ManualLoader loader = new ManualLoader();
        EventRowList rows = new EventRowList(RowPositions.listed(new long[] {3, 7, 40}, 3), loader);
        assertThat(rows.get(2).position()).isEqualTo(40);
        assertThat(rows.rowOf(7)).isEqualTo(1);
        assertThat(rows.rowOf(8)).isEqualTo(-1);

        List<Integer> added = new ArrayList<>();
        rows.addListener((javafx.collections.ListChangeListener<EventRow>) c -> {
            while (c.next()) {
                added.add(c.getAddedSize());
            }
        });
        rows.append(List.of(summary(41), summary(45)));
        assertThat(rows).hasSize(5);
        assertThat(added).containsExactly(2);
        assertThat(rows.get(4).position()).isEqualTo(45);
        assertThat(rows.get(4).isLoaded()).isTrue();
    }

    private static EventSummary summary(long position) {
        return new EventSummary(position, "t", "s-" + position, 1, "Type", 1, null, null, null, "e" + position);
    }
}
