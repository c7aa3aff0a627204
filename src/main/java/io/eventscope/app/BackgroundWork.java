package io.eventscope.app;

/**
 * Work that runs off the FX thread: it may call the store, H2 and Jackson, report progress and
 * notice cancellation. Its result is handed back on the FX thread.
 */
@FunctionalInterface
public interface BackgroundWork<T> {

    T run(Progress progress) throws Exception;

    /** What running work can tell the window, and ask it. */
    interface Progress {
        void update(long done, long total);

        void message(String text);

        boolean isCancelled();
    }
}
