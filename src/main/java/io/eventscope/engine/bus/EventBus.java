package io.eventscope.engine.bus;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.Subscription;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In-process publish/subscribe over committed events. The bus follows the store with a
 * subscription, so a handler only ever sees events that are durably stored, whoever appended
 * them, or events a bridge hands over with {@link #deliver} (another system's, not in the
 * store: position 0). Each handler has its own thread and queue: a slow or failing handler
 * never delays or affects another. A failing delivery is retried with backoff, then parked as
 * a dead letter that can be listed, retried or discarded; a handed-over event's failure goes
 * back to whoever handed it over, who keeps it.
 */
public final class EventBus implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);

    private final EventStore store;
    private final DeadLetters deadLetters;
    private final Backoff backoff;
    private final Map<String, Worker> workers = new ConcurrentHashMap<>();
    private Subscription subscription;

    public EventBus(EventStore store, DeadLetters deadLetters, Backoff backoff) {
        this.store = store;
        this.deadLetters = deadLetters;
        this.backoff = backoff;
    }

    /** Starts publishing the events appended from now on. */
    public synchronized void start() {
        start(store.headPosition() + 1);
    }

    /** Starts publishing from a position (inclusive), catching up on stored events first. */
    public synchronized void start(long fromPosition) {
        if (subscription != null) {
            throw new IllegalStateException("the bus is already running");
        }
        subscription = store.subscribe(fromPosition, this::publish);
    }

    /** Delivers every event to {@code handler}; handler names are unique on a bus. */
    public void subscribe(String handlerName, EventHandler handler) {
        subscribe(handlerName, null, handler);
    }

    /** Delivers the events of one type (all types when null) to {@code handler}. */
    public void subscribe(String handlerName, String eventType, EventHandler handler) {
        Worker worker = new Worker(handlerName, eventType, handler);
        if (workers.putIfAbsent(handlerName, worker) != null) {
            worker.executor.shutdown();
            throw new IllegalArgumentException("a handler named '" + handlerName + "' is already subscribed");
        }
    }

    /**
     * Hands an event that is not in the store to every handler that takes its type, each on its
     * own thread with the same retries as a stored event. The result completes when all have
     * handled it, or fails with the last failure of a handler that kept failing: such an event
     * is not parked here (a dead letter names a stored event), so the caller keeps it.
     */
    public CompletableFuture<Void> deliver(EventEnvelope event) {
        List<CompletableFuture<Void>> handled = new ArrayList<>();
        for (Worker w : workers.values()) {
            if (w.eventType == null || w.eventType.equals(event.eventType())) {
                CompletableFuture<Void> done = new CompletableFuture<>();
                try {
                    w.executor.execute(w.new Delivery(event, done));
                } catch (RejectedExecutionException e) {
                    done.completeExceptionally(new IllegalStateException("the bus is closed", e));
                }
                handled.add(done);
            }
        }
        return CompletableFuture.allOf(handled.toArray(CompletableFuture[]::new));
    }

    public List<DeadLetter> deadLetters() {
        return deadLetters.list();
    }

    /**
     * Delivers a dead letter to its handler once more, on the handler's thread. On success the
     * letter is removed and true returned; on failure it stays parked with one more attempt.
     */
    public boolean retry(long deadLetterId) {
        DeadLetter letter = deadLetters.find(deadLetterId)
                .orElseThrow(() -> new NoSuchElementException("no dead letter " + deadLetterId));
        Worker worker = workers.get(letter.handlerName());
        if (worker == null) {
            throw new IllegalStateException("dead letter " + deadLetterId + " belongs to handler '"
                    + letter.handlerName() + "', which is not subscribed to this bus");
        }
        try {
            Exception failure = worker.executor.submit(() -> worker.attempt(letter.event())).get();
            if (failure == null) {
                deadLetters.remove(deadLetterId);
                return true;
            }
            deadLetters.failedAgain(deadLetterId, stackTrace(failure), letter.attempts() + 1);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying dead letter " + deadLetterId, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("retrying dead letter " + deadLetterId + " failed", e.getCause());
        }
    }

    /** Drops a dead letter for good; false when there was none with that id. */
    public boolean discard(long deadLetterId) {
        return deadLetters.remove(deadLetterId);
    }

    /**
     * Stops following the store. A delivery waiting for its next attempt is parked at once, and
     * so is every delivery still queued, so nothing published is lost without a trace.
     */
    @Override
    public synchronized void close() {
        if (subscription != null) {
            subscription.cancel();
        }
        workers.values().forEach(Worker::stop);
        workers.clear();
    }

    private void publish(EventEnvelope event) {
        for (Worker w : workers.values()) {
            if (w.eventType == null || w.eventType.equals(event.eventType())) {
                try {
                    w.executor.execute(w.new Delivery(event, null));
                } catch (RejectedExecutionException e) {
                    // The bus is closing while this event was being published: the handler no longer listens.
                }
            }
        }
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    /** One handler with its own thread, so its failures and waits stay its own. */
    private final class Worker {
        private final String name;
        private final String eventType;
        private final EventHandler handler;
        private final ExecutorService executor;

        Worker(String name, String eventType, EventHandler handler) {
            this.name = name;
            this.eventType = eventType;
            this.handler = handler;
            this.executor = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "bus-" + name);
                t.setDaemon(true);
                return t;
            });
        }

        /** Delivers with retries; a stored event that keeps failing is parked, a handed-over one fails {@code handed}. */
        void deliver(EventEnvelope event, CompletableFuture<Void> handed) {
            Exception failure = null;
            int attempts = 0;
            while (attempts < backoff.maxAttempts()) {
                attempts++;
                failure = attempt(event);
                if (failure == null) {
                    if (handed != null) {
                        handed.complete(null);
                    }
                    return;
                }
                if (attempts < backoff.maxAttempts() && !sleep(backoff.delayAfter(attempts).toMillis())) {
                    break; // the bus is closing: park now rather than lose the failure
                }
            }
            if (handed != null) {
                handed.completeExceptionally(new HandlerFailedException(name, attempts, failure));
                return;
            }
            try {
                long id = deadLetters.park(new DeadLetter(0, name, event, stackTrace(failure), attempts, Instant.now()));
                LOG.warn("Handler '{}' failed {} time(s) on event {} ({}); parked as dead letter {}: {}",
                        name, attempts, event.eventId(), event.eventType(), id, failure.toString());
            } catch (RuntimeException parkFailed) {
                // Nowhere left to keep it: the log is the last record of this failure.
                LOG.error("Handler '{}' failed on event {} ({}) and the dead letter could not be stored either",
                        name, event.eventId(), event.eventType(), parkFailed);
            }
        }

        void stop() {
            for (Runnable queued : executor.shutdownNow()) {
                if (queued instanceof Delivery d && d.handed != null) {
                    d.handed.completeExceptionally(new IllegalStateException("not delivered: the bus was closed first"));
                } else if (queued instanceof Delivery d) {
                    deadLetters.park(new DeadLetter(0, name, d.event, "not delivered: the bus was closed first", 0,
                            Instant.now()));
                }
            }
            try {
                if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                    LOG.warn("Handler '{}' is still running after the bus closed", name);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** One delivery; the failure, or null when the handler succeeded. */
        Exception attempt(EventEnvelope event) {
            try {
                handler.handle(event);
                return null;
            } catch (Exception e) {
                return e;
            }
        }

        /** A queued delivery; kept as a class so a bus closing can say which events it did not deliver. */
        private final class Delivery implements Runnable {
            private final EventEnvelope event;
            /** Completed when an event handed over by {@link EventBus#deliver} is done with; null for a stored event. */
            private final CompletableFuture<Void> handed;

            Delivery(EventEnvelope event, CompletableFuture<Void> handed) {
                this.event = event;
                this.handed = handed;
            }

            @Override
            public void run() {
                deliver(event, handed);
            }
        }

        private boolean sleep(long millis) {
            try {
                Thread.sleep(millis);
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
