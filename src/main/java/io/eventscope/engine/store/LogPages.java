package io.eventscope.engine.store;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.RawEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The loops that read the global log, or one stream, forwards page by page. A page shorter than asked for
 * is the end: every store's read returns {@code limit} events while there are that many, so a
 * filtered scan never reads the tail past its last match twice. The global log's pages are read
 * ahead on other threads ({@link ReadAhead}).
 */
public final class LogPages {
    private LogPages() {
    }

    /** What is done with each page; false stops the reading. */
    @FunctionalInterface
    public interface PageReader<X extends Exception> {
        boolean read(List<EventEnvelope> page) throws X;
    }

    /**
     * Hands {@code reader} each page of events matching {@code filter}, from position
     * {@code from} on, until the log ends or the reader returns false.
     */
    public static <X extends Exception> void forEach(EventStore store, EventFilter filter, long from, int pageSize,
                                                     PageReader<X> reader) throws X {
        if (store.holdsJsonText()) {
            // the next page's rows are read while this thread parses the current page's data
            ReadAhead.forEach(next -> store.readRaw(filter, next, pageSize), RawEvent::position, from, pageSize,
                    raw -> reader.read(StoredEvents.parsed(raw)));
        } else {
            ReadAhead.forEach(next -> store.read(filter, next, pageSize, Direction.FORWARDS), EventEnvelope::position,
                    from, pageSize, reader::read);
        }
    }

    /** Every event of one stream, in version order, read page by page. */
    public static List<EventEnvelope> stream(EventStore store, String streamId) {
        List<EventEnvelope> events = new ArrayList<>();
        while (true) {
            List<EventEnvelope> page = store.readStream(streamId, events.size() + 1L, EventStore.PAGE, Direction.FORWARDS);
            events.addAll(page);
            if (page.size() < EventStore.PAGE) {
                return events;
            }
        }
    }

    /** Every event matching {@code filter}, in position order. */
    public static List<EventEnvelope> all(EventStore store, EventFilter filter) {
        List<EventEnvelope> events = new ArrayList<>();
        forEach(store, filter, 1, EventStore.PAGE, events::addAll);
        return events;
    }
}
