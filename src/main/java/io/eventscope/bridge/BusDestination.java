package io.eventscope.bridge;

import io.eventscope.engine.bus.EventBus;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.io.ImportedEvent;
import io.eventscope.engine.upcast.UpcastException;
import io.eventscope.engine.upcast.UpcasterChain;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

/**
 * Consumed events onto the event bus, not into the store: each goes to the bus's handlers as
 * an event at position 0 (not in the log), upcast to its newest shape as a stored event is for
 * the bus's readers, and counts as taken when every handler has handled it. An event the
 * upcasters fail on, or one a handler keeps failing on through the bus's retries, is refused,
 * and the consumer dead-letters the message with the reason (the bus parks only stored events). A
 * redelivery of an event taken lately (the last {@link #REMEMBERED} ids) is recognised; one
 * older than that, or after a restart, reaches the handlers again: onto the bus is at least once.
 */
public final class BusDestination implements Destination {
    static final int REMEMBERED = 100_000;

    private final EventBus bus;
    private final UpcasterChain upcasters;
    private final Set<String> taken = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });

    public BusDestination(EventBus bus, UpcasterChain upcasters) {
        this.bus = bus;
        this.upcasters = upcasters;
    }

    @Override
    public Set<String> alreadyTaken(List<String> eventIds) {
        return eventIds.stream().filter(taken::contains).collect(Collectors.toSet());
    }

    @Override
    public List<String> take(List<ImportedEvent> events) {
        List<CompletableFuture<Void>> handled = new ArrayList<>();
        for (ImportedEvent e : events) {
            try {
                handled.add(bus.deliver(upcasters.upcast(envelope(e))));
            } catch (UpcastException refused) {
                handled.add(CompletableFuture.failedFuture(refused));
            }
        }
        List<String> refusals = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            String refusal = null;
            try {
                handled.get(i).join();
                taken.add(events.get(i).event().eventId());
            } catch (CompletionException e) {
                refusal = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            }
            refusals.add(refusal);
        }
        return refusals;
    }

    @Override
    public boolean refusalsMayPass() {
        return false; // the bus has retried already
    }

    @Override
    public ConsumedMessage.Outcome takenOutcome() {
        return ConsumedMessage.Outcome.DELIVERED;
    }

    private static EventEnvelope envelope(ImportedEvent e) {
        NewEvent n = e.event();
        return new EventEnvelope(n.eventId(), n.eventType(), n.aggregateType(), n.aggregateId(), e.streamId(), e.version(),
                n.schemaVersion(), 0, n.timestamp() != null ? n.timestamp() : Instant.now(), n.data(), n.metadata());
    }
}
