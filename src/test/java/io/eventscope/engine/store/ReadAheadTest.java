package io.eventscope.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongUnaryOperator;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The page loop that reads one page ahead: pages in order, the reading done beside the caller's
 * work, failures where their page is due, and the same end as a loop reading page after page.
 */
class ReadAheadTest {
    /** Positions 1 to {@code head}, read as pages of {@code size}. */
    private static final class Log implements ReadAhead.Source<Long> {
        final AtomicInteger reads = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        final List<String> readers = new CopyOnWriteArrayList<>();
        volatile long head;
        final int size;

        Log(long head, int size) {
            this.head = head;
            this.size = size;
        }

        @Override
        public List<Long> read(long from) {
            reads.incrementAndGet();
            readers.add(Thread.currentThread().getName());
            List<Long> page = LongStream.rangeClosed(from, Math.min(head, from + size - 1)).boxed().toList();
            sleep(20); // a read takes time: one left running after the loop would be seen
            done.incrementAndGet();
            return page;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<List<Long>> pages(ReadAhead.Source<Long> source, long from, int size) {
        List<List<Long>> pages = new ArrayList<>();
        ReadAhead.forEach(source, Long::longValue, from, size, pages::add);
        return pages;
    }

    @Test
    void handsEveryPageInOrderAndReadsTheNextOnAnotherThread() {
        Log log = new Log(10, 3);

        assertThat(pages(log, 2, 3)).containsExactly(List.of(2L, 3L, 4L), List.of(5L, 6L, 7L), List.of(8L, 9L, 10L));
        assertThat(log.readers).contains("eventscope-read-ahead");
    }

    @Test
    void eventsAppendedWhileTheLastPageIsWorkedOnAreRead() {
        Log log = new Log(4, 2);
        List<List<Long>> pages = new ArrayList<>();
        ReadAhead.forEach(log, Long::longValue, 1, 2, page -> {
            pages.add(page);
            if (page.get(0) == 3L) {
                while (log.done.get() < 3) {
                    Thread.onSpinWait(); // the read ahead from position 5 has found nothing
                }
                log.head = 5;
            }
            return true;
        });

        assertThat(pages).containsExactly(List.of(1L, 2L), List.of(3L, 4L), List.of(5L));
    }

    @Test
    void aFailedReadIsThrownWhenItsPageIsDueAndNotBefore() {
        List<List<Long>> pages = new ArrayList<>();
        LongUnaryOperator failAtFive = from -> {
            if (from == 5) {
                throw new EventStoreException("damaged page at 5");
            }
            return from;
        };
        ReadAhead.Source<Long> source = from -> LongStream.rangeClosed(failAtFive.applyAsLong(from), from + 1).boxed()
                .toList();

        assertThatThrownBy(() -> ReadAhead.forEach(source, Long::longValue, 1, 2, pages::add))
                .isInstanceOf(EventStoreException.class).hasMessage("damaged page at 5");
        assertThat(pages).containsExactly(List.of(1L, 2L), List.of(3L, 4L));
    }

    @Test
    void stopsWhenTheSinkSaysSoOrFailsAndNoReadOutlivesTheLoop() {
        Log log = new Log(100, 2);
        ReadAhead.forEach(log, Long::longValue, 1, 2, page -> false);
        int afterStop = log.reads.get();
        assertThat(log.done.get()).isEqualTo(afterStop);

        assertThatThrownBy(() -> ReadAhead.forEach(log, Long::longValue, 1, 2, page -> {
            throw new IllegalStateException("reader failed");
        })).hasMessage("reader failed");
        int afterFailure = log.reads.get();
        assertThat(log.done.get()).isEqualTo(afterFailure);

        assertThat(afterStop).isEqualTo(2); // the first page and the one read ahead, which was waited for
        assertThat(afterFailure).isEqualTo(4);
    }
}
