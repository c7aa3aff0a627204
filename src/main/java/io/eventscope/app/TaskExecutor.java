package io.eventscope.app;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place background work runs. Every piece of work becomes a {@link Task}; its result
 * and its failure come back on the FX thread, failures also go to the {@link Notices}. Tasks
 * with a title are listed in {@link #running()} so the status bar can show their progress and
 * offer cancel; untitled ones (page loads) stay quiet.
 */
public final class TaskExecutor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TaskExecutor.class);

    private final ExecutorService pool;
    private final Notices notices;
    private final ObservableList<Task<?>> running = FXCollections.observableArrayList();
    private final Set<Task<?>> submitted = ConcurrentHashMap.newKeySet();

    public TaskExecutor(Notices notices) {
        this.notices = notices;
        AtomicInteger n = new AtomicInteger();
        // A few threads so quick page loads never wait behind a long scan.
        this.pool = Executors.newFixedThreadPool(3, r -> {
            Thread t = new Thread(r, "eventscope-task-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs quiet work; {@code onSuccess} gets the result on the FX thread. */
    public <T> Task<T> run(BackgroundWork<T> work, Consumer<T> onSuccess) {
        return run(null, work, onSuccess);
    }

    /**
     * Runs work; {@code title} (null for quiet work) names it in the status bar and in the
     * error shown when it fails.
     */
    public <T> Task<T> run(String title, BackgroundWork<T> work, Consumer<T> onSuccess) {
        Task<T> task = new WorkTask<>(title, work);
        if (title != null) {
            running.add(task);
        }
        task.setOnSucceeded(e -> {
            running.remove(task);
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            running.remove(task);
            Throwable error = task.getException();
            LOG.error("{} failed", title == null ? "Background work" : title, error);
            notices.error(title == null ? "Background work failed" : title + " failed", error);
        });
        task.setOnCancelled(e -> running.remove(task));
        if (pool.isShutdown()) {
            task.cancel(); // the window is closing: late follow-up work is dropped
        } else {
            submitted.add(task);
            pool.execute(() -> {
                try {
                    task.run();
                } finally {
                    submitted.remove(task);
                }
            });
        }
        return task;
    }

    /** Titled tasks still running, in start order; only touched on the FX thread. */
    public ObservableList<Task<?>> running() {
        return running;
    }

    /** Cancels all work without interrupting it (see {@link WorkTask#cancel(boolean)}). */
    @Override
    public void close() {
        pool.shutdown();
        submitted.forEach(Task::cancel);
    }

    /** Adapts {@link BackgroundWork} to a JavaFX task. */
    private static final class WorkTask<T> extends Task<T> implements BackgroundWork.Progress {
        private final BackgroundWork<T> work;

        WorkTask(String title, BackgroundWork<T> work) {
            this.work = work;
            updateTitle(title);
        }

        /**
         * Never interrupts the worker: a thread interrupted inside H2 closes the database file
         * and leaves the store broken until reopened. Long work checks isCancelled() instead.
         */
        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return super.cancel(false);
        }

        @Override
        protected T call() throws Exception {
            return work.run(this);
        }

        @Override
        public void update(long done, long total) {
            updateProgress(done, total);
        }

        @Override
        public void message(String text) {
            updateMessage(text);
        }
    }
}
