package io.eventscope.engine.io;

import com.fasterxml.jackson.core.JsonGenerator;
import io.eventscope.engine.event.EnvelopeJson;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.RawEvent;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.EventStore;
import java.io.IOException;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes the events a filter selects (the whole store, a stream, a correlation chain), in
 * position order, one JSON document per line. Reads page by page, so the store is never held
 * whole. Events are written as stored: export is a copy of the facts, not of one reading of them.
 */
public final class NdjsonExporter {
    private static final int PAGE = 2_000;

    private final EventStore store;
    private final ExportFormat format;
    private final String source;
    private final String eventBusName;

    public NdjsonExporter(EventStore store, ExportFormat format) {
        this(store, format, EventBridgeFormat.DEFAULT_SOURCE, EventBridgeFormat.DEFAULT_BUS);
    }

    /** {@code source} and {@code eventBusName} fill the EventBridge entries' fields of the same name. */
    public NdjsonExporter(EventStore store, ExportFormat format, String source, String eventBusName) {
        this.store = store;
        this.format = format;
        this.source = source;
        this.eventBusName = eventBusName;
    }

    /** Writes every matching event to {@code out} (flushed, left open) and returns how many; stops early when cancelled. */
    public long export(EventFilter filter, Writer out, ProgressMonitor monitor) {
        long total = store.count(filter);
        long written = 0;
        try {
            JsonGenerator json = Json.MAPPER.getFactory().createGenerator(out);
            json.setRootValueSeparator(null);
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            for (Page page = writePage(json, filter, 1); page.count() > 0; page = writePage(json, filter, page.last() + 1)) {
                written += page.count();
                json.flush();
                monitor.progress(written, Math.max(total, written));
                if (monitor.isCancelled()) {
                    break;
                }
            }
            json.close();
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("Export failed after " + written + " events: " + e.getMessage(), e);
        }
    }

    /**
     * Writes the next page of events from {@code from} on. Envelopes copy the stored data text
     * as it is (export is a copy of the facts; parsing and writing it again cost two thirds of
     * the time); EventBridge entries nest the envelope as a string, so they are built as trees.
     */
    private Page writePage(JsonGenerator json, EventFilter filter, long from) throws IOException {
        if (format == ExportFormat.NDJSON) {
            List<RawEvent> page = store.readRaw(filter, from, PAGE);
            for (RawEvent e : page) {
                EnvelopeJson.write(json, e);
                json.writeRaw('\n');
            }
            return new Page(page.size(), page.isEmpty() ? 0 : page.get(page.size() - 1).position());
        }
        List<EventEnvelope> page = store.read(filter, from, PAGE, Direction.FORWARDS);
        for (EventEnvelope e : page) {
            Json.MAPPER.writeTree(json, EventBridgeFormat.toPutEventsEntry(e, source, eventBusName));
            json.writeRaw('\n');
        }
        return new Page(page.size(), page.isEmpty() ? 0 : page.get(page.size() - 1).position());
    }

    /** How many events a page wrote and the position of its last one. */
    private record Page(int count, long last) {
    }
}
