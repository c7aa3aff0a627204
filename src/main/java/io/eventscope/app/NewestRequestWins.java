package io.eventscope.app;

import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.concurrent.Task;
import javafx.concurrent.WorkerStateEvent;

/**
 * Loads what was asked for last. At most one load runs; a request made meanwhile only moves
 * the wish, and when the load ends its result is shown and the newest wish loaded next. So a
 * scrubber dragged fast shows frames as quickly as they load and stops on the last one asked
 * for. Used on the FX thread only.
 *
 * @param <Q> what is asked for (a version, a step)
 * @param <R> what a load gives
 */
public final class NewestRequestWins<Q, R> {
    private final TaskExecutor tasks;
    private final Function<Q, BackgroundWork<R>> work;
    private final BiConsumer<Q, R> show;
    private Q wanted;
    private boolean loading;
    private int generation;

    /**
     * {@code work} is asked on the FX thread for the work of a request, so it can capture the
     * view's current state; {@code show} gets each result back on the FX thread.
     */
    public NewestRequestWins(TaskExecutor tasks, Function<Q, BackgroundWork<R>> work, BiConsumer<Q, R> show) {
        this.tasks = tasks;
        this.work = work;
        this.show = show;
    }

    public void request(Q request) {
        wanted = request;
        if (!loading) {
            loadWanted();
        }
    }

    /** Takes {@code shown} as the newest wish, so nothing more loads after it (a breakpoint stopped playback). */
    public void settle(Q shown) {
        wanted = shown;
    }

    /** Drops the wish and outdates the running load: its result is never shown. */
    public void forget() {
        wanted = null;
        generation++;
    }

    private void loadWanted() {
        Q asked = wanted;
        int gen = generation;
        loading = true;
        Task<R> task = tasks.run(work.apply(asked), result -> {
            loading = false;
            boolean current = gen == generation;
            if (current) {
                show.accept(asked, result);
            }
            if (wanted != null && (!current || !Objects.equals(wanted, asked))) {
                loadWanted();
            }
        });
        task.addEventHandler(WorkerStateEvent.WORKER_STATE_FAILED, e -> loading = false);
        task.addEventHandler(WorkerStateEvent.WORKER_STATE_CANCELLED, e -> loading = false);
    }
}
