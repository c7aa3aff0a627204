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
 * The page loop that reads ahead: pages in order, the reading done beside the caller's work (two
 * pages at a time over consecutive positions while the caller waits for them), failures where
 * their page is due, and the same pages and end as a loop reading page after page.
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

    /** Reads of the given positions, as pages of the given size, that count how many run at once. */
    private static final class Positions implements ReadAhead.Source<Long> {
        final List<Long> positions;
        final int size;
        /** The position whose read fails, or 0. */
        volatile long failAt;
        final AtomicInteger reading = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final AtomicInteger reads = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();

        Positions(List<Long> positions, int size) {
            this.positions = positions;
            this.size = size;
        }

        @Override
        public List<Long> read(long from) {
            reads.incrementAndGet();
            mostAtOnce.accumulateAndGet(reading.incrementAndGet(), Math::max);
            try {
                sleep(20);
                if (from == failAt) {
                    throw new EventStoreException("damaged page at " + from);
                }
                return positions.stream().filter(p -> p >= from).limit(size).toList();
            } finally {
                reading.decrementAndGet();
                done.incrementAndGet();
            }
        }

        /** What a loop reading page after page, on this thread, hands over. */
        List<List<Long>> pagesOneAfterAnother() {
            List<List<Long>> pages = new ArrayList<>();
            long next = 1;
            while (true) {
                long from = next;
                List<Long> page = positions.stream().filter(p -> p >= from).limit(size).toList();
                if (!page.isEmpty()) {
                    pages.add(page);
                }
                if (page.size() < size) {
                    return pages;
                }
                next = page.get(page.size() - 1) + 1;
            }
        }
    }

    @Test
    void theWholeLogIsReadTwoPagesAtATime() {
        Positions log = new Positions(LongStream.rangeClosed(1, 20).boxed().toList(), 4);

        assertThat(pages(log, 1, 4)).isEqualTo(log.pagesOneAfterAnother());
        assertThat(log.mostAtOnce.get()).isEqualTo(2);
        assertThat(log.done.get()).as("every read ended with the loop, the guess past the end too").isEqualTo(log.reads.get());
    }

    @Test
    void aFailedReadLeavesNoGuessedReadRunning() {
        Positions log = new Positions(LongStream.rangeClosed(1, 20).boxed().toList(), 4);
        log.failAt = 9;

        assertThatThrownBy(() -> pages(log, 1, 4)).hasMessage("damaged page at 9");
        assertThat(log.done.get()).isEqualTo(log.reads.get());
    }

    @Test
    void aSinkSlowerThanReadingKeepsOneReader() {
        Positions log = new Positions(LongStream.rangeClosed(1, 20).boxed().toList(), 4);
        List<List<Long>> pages = new ArrayList<>();
        ReadAhead.forEach(log, Long::longValue, 1, 4, page -> {
            pages.add(page);
            sleep(120); // writing a file, say: six times as long as a read
            return true;
        });

        assertThat(pages).isEqualTo(log.pagesOneAfterAnother());
        assertThat(log.mostAtOnce.get()).isEqualTo(1);
    }

    @Test
    void pagesWithGapsBetweenPositionsComeAsTheyWouldOneAfterAnother() {
        Positions log = new Positions(List.of(1L, 2L, 3L, 4L, 5L, 6L, 9L, 10L, 14L, 15L, 16L, 17L, 30L, 31L, 32L), 2);

        assertThat(pages(log, 1, 2)).isEqualTo(log.pagesOneAfterAnother());
        assertThat(log.done.get()).as("every read ended with the loop, wrong guesses too").isEqualTo(log.reads.get());
        assertThat(log.mostAtOnce.get()).isLessThanOrEqualTo(2);
    }
}
