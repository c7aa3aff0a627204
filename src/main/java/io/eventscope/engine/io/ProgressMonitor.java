package io.eventscope.engine.io;

/**
 * How a long job reports how far it is and learns that the person wants it to stop. A
 * JavaFX Task adapts to it with updateProgress and isCancelled; the command line passes
 * {@link #NONE}. Jobs call it between pages, on their own thread.
 */
public interface ProgressMonitor {
    ProgressMonitor NONE = new ProgressMonitor() {
        @Override
        public void progress(long done, long total) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** {@code done} of {@code total} units (events, bytes) are finished. */
    void progress(long done, long total);

    /** True once the job should stop at the next safe point. */
    boolean isCancelled();
}
