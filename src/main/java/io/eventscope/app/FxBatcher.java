package io.eventscope.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Collects items arriving on any thread and hands them to the FX thread in batches: a burst of
 * ten thousand events costs one {@code Platform.runLater}, not ten thousand.
 */
public final class FxBatcher<T> {
    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Consumer<List<T>> onFxThread;

    public FxBatcher(Consumer<List<T>> onFxThread) {
        this.onFxThread = onFxThread;
    }

    public void add(T item) {
        queue.add(item);
        if (scheduled.compareAndSet(false, true)) {
            Platform.runLater(this::flush);
        }
    }

    private void flush() {
        scheduled.set(false);
        List<T> batch = new ArrayList<>();
        for (T item = queue.poll(); item != null; item = queue.poll()) {
            batch.add(item);
        }
        if (!batch.isEmpty()) {
            onFxThread.accept(batch);
        }
    }
}
