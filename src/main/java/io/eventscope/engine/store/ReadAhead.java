package io.eventscope.engine.store;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.ToLongFunction;

/**
 * A forwards page loop that reads the next page on a second thread while the caller works on
 * the current one (parses it, writes it out, folds it): at most one page ahead, pages handed
 * over in order on the caller's thread, and a failed read thrown there when its page is due.
 * It ends where the plain loop would: a page read ahead that is shorter than asked for is read
 * again once the caller is done with the page before it, so events appended meanwhile count.
 */
public final class ReadAhead {
    /** Daemon threads, made as needed and dropped after a minute idle. */
    private static final ExecutorService READERS = Executors.newCachedThreadPool(task -> {
        Thread t = new Thread(task, "eventscope-read-ahead");
        t.setDaemon(true);
        return t;
    });

    private ReadAhead() {
    }

    /** Reads the page of at most the loop's page size that starts at a position. */
    @FunctionalInterface
    public interface Source<T> {
        List<T> read(long from);
    }

    /** What is done with each page on the caller's thread; false stops the reading. */
    @FunctionalInterface
    public interface Sink<T, X extends Exception> {
        boolean take(List<T> page) throws X;
    }

    /**
     * Hands {@code sink} each page {@code source} reads from {@code from} on, until a page is
     * empty or shorter than {@code pageSize}, or the sink returns false. A page read ahead that
     * is not wanted is waited for before returning, so no read outlives the loop.
     *
     * <p>While the caller waits for pages at least half as long as it works on them (a replay:
     * parsing is cheaper than reading), a page of consecutive positions (the whole log) also
     * starts the read of the page after the next, on the guess that the next is full and
     * consecutive too: two readers then share the reading. A sink slower than reading (writing
     * a file, a projection) keeps one, so that no third thread takes its core. A wrong guess is
     * waited for and dropped.
     */
    public static <T, X extends Exception> void forEach(Source<T> source, ToLongFunction<T> position, long from,
                                                        int pageSize, Sink<T, X> sink) throws X {
        long next = from;
        long started = System.nanoTime();
        List<T> page = source.read(next);
        long waited = System.nanoTime() - started;
        PageRead<T> guessed = null;
        try {
            while (!page.isEmpty()) {
                boolean full = page.size() >= pageSize;
                long last = position.applyAsLong(page.get(page.size() - 1));
                // max: a damaged store (the verifier reads those) may return a lower last position; never loop.
                long after = Math.max(next, last) + 1;
                CompletableFuture<List<T>> ahead;
                if (guessed != null && guessed.from() == after && full) {
                    ahead = guessed.page();
                } else {
                    settle(guessed);
                    ahead = full ? read(source, after) : null;
                }
                guessed = null;
                boolean more = false;
                started = System.nanoTime();
                try {
                    more = sink.take(page) && full;
                } finally {
                    if (!more) {
                        settle(ahead);
                    }
                }
                if (!more) {
                    return;
                }
                long worked = System.nanoTime() - started;
                if (2 * waited >= worked && last - position.applyAsLong(page.get(0)) == pageSize - 1) {
                    guessed = new PageRead<>(after + pageSize, read(source, after + pageSize));
                }
                started = System.nanoTime();
                page = await(ahead);
                waited = System.nanoTime() - started;
                if (page.size() < pageSize) {
                    page = source.read(after);
                }
                next = after;
            }
        } finally {
            settle(guessed);
        }
    }

    private static <T> CompletableFuture<List<T>> read(Source<T> source, long from) {
        return CompletableFuture.supplyAsync(() -> source.read(from), READERS);
    }

    /** A read started ahead, and the position it starts at. */
    private record PageRead<T>(long from, CompletableFuture<List<T>> page) {
    }

    private static void settle(PageRead<?> read) {
        if (read != null) {
            settle(read.page());
        }
    }

    /** The page read ahead, its failure thrown as it was; an interrupt is kept for later, as a plain read would. */
    private static <T> T await(CompletableFuture<T> ahead) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return ahead.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    if (e.getCause() instanceof Error r) {
                        throw r;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits for a read nobody needs any more, ignoring how it ended: the caller's own outcome is what counts. */
    private static void settle(CompletableFuture<?> ahead) {
        if (ahead != null) {
            try {
                await(ahead);
            } catch (RuntimeException | Error ignored) {
                // the caller stopped or failed before this page was due
            }
        }
    }
}
