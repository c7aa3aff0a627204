package io.eventscope.app;

import io.eventscope.engine.io.ProgressMonitor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lets an engine job report to a background task and be stopped softly: {@link #cancel()}
 * asks the job to stop at its next safe point and hand back what it did, instead of
 * interrupting a thread that may be inside a database write.
 */
public final class TaskMonitor implements ProgressMonitor {
    private final BackgroundWork.Progress progress;
    private final AtomicBoolean cancelled;

    public TaskMonitor(BackgroundWork.Progress progress, AtomicBoolean cancelled) {
        this.progress = progress;
        this.cancelled = cancelled;
    }

    @Override
    public void progress(long done, long total) {
        progress.update(done, total);
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get() || progress.isCancelled();
    }
}
