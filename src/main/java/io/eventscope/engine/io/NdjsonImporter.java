package io.eventscope.engine.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.EventStoreException;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.StoredEvents;
import io.eventscope.engine.store.StreamAppend;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongPredicate;
import java.util.function.ToLongFunction;

/**
 * Imports an NDJSON file, one event per line, in two streamed passes so no file is ever held
 * whole (in each, the lines are parsed on a second thread ahead of the checks or appends, see
 * {@link ParsedLines}):
 * <ol>
 * <li>Validation: every line is decoded, parsed and checked (UTF-8, JSON, fields, length,
 *     nesting, event ids unique in the file and new to the store, stream versions contiguous
 *     from the store's current version). Nothing is written.</li>
 * <li>Append: unless a line was bad (atomic mode), the good lines are read again and appended
 *     in batches with {@link EventStore#appendAll}, each batch one atomic, durable commit.</li>
 * </ol>
 * Atomic means "one bad line and nothing is imported", decided by the first pass. It is not
 * one transaction: that would hold the whole file for a single appendAll. After a clean
 * validation, a batch can still be refused only by a concurrent writer to the same streams
 * or a failing store; the report then says how many events were imported.
 *
 * <p>An import killed halfway leaves whole batches in the store. Running it again finishes it:
 * a line whose event id is stored with the same content (stream, version, type, schema
 * version, data, metadata) is skipped as already imported, the append's idempotency rule;
 * one stored with other content is a bad line.
 *
 * <p>Memory grows with the number of distinct event ids and streams of the file (for the
 * duplicate and version checks); never with line contents nor with the size of the store: on
 * a non-empty store, a first streamed pass looks the file's ids up in the store in batches and
 * keeps only those already stored.
 */
public final class NdjsonImporter {
    public static final int MAX_LISTED_ERRORS = 1_000;
    private static final int STORE_PAGE = 5_000;

    private final EventStore store;
    private final Function<JsonNode, ImportedEvent> lineFormat;

    /** An importer whose lines are read by {@code lineFormat}, which throws {@link InvalidLineException}. */
    public NdjsonImporter(EventStore store, Function<JsonNode, ImportedEvent> lineFormat) {
        this.store = store;
        this.lineFormat = lineFormat;
    }

    /** Lines in the envelope format of {@link io.eventscope.engine.event.EnvelopeJson}, as NDJSON export writes them. */
    public static NdjsonImporter envelopes(EventStore store) {
        return new NdjsonImporter(store, StrictEnvelopeReader::read);
    }

    /** Lines that are events as EventBridge delivers them to a Lambda target. */
    public static NdjsonImporter eventBridgeDeliveries(EventStore store) {
        return new NdjsonImporter(store, EventBridgeFormat::fromDelivery);
    }

    public ImportReport importFile(Path file, ImportOptions options, ProgressMonitor monitor) {
        try {
            long size = Files.size(file);
            Validation validation = validate(file, options, size, monitor);
            if (validation.cancelled) {
                return validation.report(file, 0, true, null);
            }
            if (options.rejects() != null) {
                copyLines(file, validation.rejected, options.rejects());
            }
            if (validation.rejectedCount > 0 && !options.partial()) {
                return validation.report(file, 0, false, null);
            }
            return append(file, options, validation, size, monitor);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }

    private Validation validate(Path file, ImportOptions options, long size, ProgressMonitor monitor) throws IOException {
        // An empty store has every stream at version 0: no query per stream (a tenth of an import's time).
        ToLongFunction<String> versionOf = store.headPosition() == 0 ? stream -> 0 : store::streamVersion;
        Validation v = new Validation(storedIdsOf(file, options), versionOf);
        // the reading thread parses JSON, this one reads the envelope and checks it: two halves of the work
        try (ParsedLines<JsonNode> lines = ParsedLines.open(file, options.maxLineBytes(), tree -> tree, line -> false)) {
            for (ParsedLines.Line<JsonNode> line = lines.next(); line != null; line = lines.next()) {
                v.lines = line.number();
                if (line.number() % STORE_PAGE == 0) {
                    if (monitor.isCancelled()) {
                        v.cancelled = true;
                        return v;
                    }
                    monitor.progress(line.bytesRead(), 2 * size);
                }
                if (line.length() == 0) {
                    continue;
                }
                if (line.error() != null) {
                    v.reject(line.number(), line.error());
                    continue;
                }
                try {
                    v.accept(lineFormat.apply(line.value()), line.number());
                } catch (InvalidLineException e) {
                    v.reject(line.number(), e.getMessage());
                }
            }
        }
        monitor.progress(size, 2 * size);
        return v;
    }

    private ImportReport append(Path file, ImportOptions options, Validation validation, long size,
                                ProgressMonitor monitor) throws IOException {
        Batch batch = new Batch();
        long imported = 0;
        LongPredicate passedOver = line -> validation.rejected.get((int) line) || validation.alreadyStored.get((int) line);
        // the lines after this batch are parsed while it is appended
        try (ParsedLines<ImportedEvent> lines = ParsedLines.open(file, options.maxLineBytes(), lineFormat, passedOver)) {
            for (ParsedLines.Line<ImportedEvent> line = lines.next(); line != null; line = lines.next()) {
                if (line.length() == 0 || passedOver.test(line.number())) {
                    continue;
                }
                if (line.error() != null) {
                    return validation.report(file, imported, false,
                            "line " + line.number() + " changed while importing (" + line.error() + "); " + imported
                                    + " events before it were imported");
                }
                batch.add(line.value(), line.number());
                if (batch.size >= options.batchSize()) {
                    String failure = flush(batch, imported);
                    if (failure != null) {
                        return validation.report(file, imported, false, failure);
                    }
                    imported += batch.size;
                    batch = new Batch();
                    monitor.progress(size + line.bytesRead(), 2 * size);
                    if (monitor.isCancelled()) {
                        return validation.report(file, imported, true, null);
                    }
                }
            }
        }
        if (batch.size > 0) {
            String failure = flush(batch, imported);
            if (failure != null) {
                return validation.report(file, imported, false, failure);
            }
            imported += batch.size;
        }
        monitor.progress(2 * size, 2 * size);
        return validation.report(file, imported, false, null);
    }

    /** Appends one batch; a message saying what was refused and what is already in, or null. */
    private String flush(Batch batch, long importedBefore) {
        try {
            store.appendAll(batch.appends());
            return null;
        } catch (EventStoreException e) {
            return "the store refused lines " + batch.firstLine + "-" + batch.lastLine + ": " + e.getMessage()
                    + "; the " + importedBefore + " events before line " + batch.firstLine + " were imported";
        }
    }

    /**
     * The file's event ids that are already stored, with their positions; empty (and free) for
     * an empty store. Lines that do not read are left to the validation that reports them.
     */
    private Map<String, Long> storedIdsOf(Path file, ImportOptions options) throws IOException {
        Map<String, Long> stored = new HashMap<>();
        if (store.headPosition() == 0) {
            return stored;
        }
        List<String> ids = new ArrayList<>(STORE_PAGE);
        try (ParsedLines<ImportedEvent> lines = ParsedLines.open(file, options.maxLineBytes(), lineFormat, line -> false)) {
            for (ParsedLines.Line<ImportedEvent> line = lines.next(); line != null; line = lines.next()) {
                if (line.value() == null) {
                    continue; // blank, or bad: the validation reports it
                }
                ids.add(line.value().event().eventId());
                if (ids.size() == STORE_PAGE) {
                    stored.putAll(store.positionsOf(ids));
                    ids.clear();
                }
            }
        }
        stored.putAll(store.positionsOf(ids));
        return stored;
    }

    /** Streams the lines whose numbers are set to {@code target}, byte for byte, however long they are. */
    static void copyLines(Path file, BitSet numbers, Path target) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file);
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), buffer.length)) {
            long line = 1;
            boolean lineHasBytes = false;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                int start = 0;
                for (int i = 0; i < n; i++) {
                    lineHasBytes = true;
                    if (buffer[i] == '\n') {
                        if (numbers.get((int) line)) {
                            out.write(buffer, start, i + 1 - start);
                        }
                        start = i + 1;
                        line++;
                        lineHasBytes = false;
                    }
                }
                if (numbers.get((int) line)) {
                    out.write(buffer, start, n - start);
                }
            }
            if (lineHasBytes && numbers.get((int) line)) {
                out.write('\n');
            }
        }
    }

    /** The state of the first pass. */
    private final class Validation {
        final Map<String, Long> storedIds;
        /** The version a stream of the file has in the store, before the import. */
        final ToLongFunction<String> versionOf;
        final Map<String, Long> lineOfId = new HashMap<>();
        final Map<String, Long> lastVersion = new HashMap<>();
        final BitSet rejected = new BitSet();
        final BitSet alreadyStored = new BitSet();
        long alreadyStoredCount;
        final List<LineError> errors = new ArrayList<>();
        long rejectedCount;
        long lines;
        boolean cancelled;

        Validation(Map<String, Long> storedIds, ToLongFunction<String> versionOf) {
            this.storedIds = storedIds;
            this.versionOf = versionOf;
        }

        void accept(ImportedEvent e, long line) {
            String id = e.event().eventId();
            Long earlier = lineOfId.get(id);
            if (earlier != null) {
                throw new InvalidLineException("event id '" + id + "' is already used on line " + earlier);
            }
            Long position = storedIds.get(id);
            if (position != null) {
                requireSameAsStored(e, position);
                lineOfId.put(id, line);
                alreadyStored.set((int) line);
                alreadyStoredCount++;
                return;
            }
            long last = lastVersion.computeIfAbsent(e.streamId(), versionOf::applyAsLong);
            if (e.version() != 0 && e.version() != last + 1) {
                throw new InvalidLineException("version " + e.version() + " of stream '" + e.streamId()
                        + "' does not follow on: the stream is at version " + last + ", so the next must be " + (last + 1));
            }
            lineOfId.put(id, line);
            lastVersion.put(e.streamId(), last + 1);
        }

        private void requireSameAsStored(ImportedEvent e, long position) {
            EventEnvelope stored = store.eventAt(position).orElseThrow();
            String difference = StoredEvents.difference(e.streamId(), e.event(), stored);
            if (difference == null && e.version() != 0 && e.version() != stored.version()) {
                difference = "stored as version " + stored.version() + ", not " + e.version();
            }
            if (difference != null) {
                throw new InvalidLineException("event id '" + e.event().eventId() + "' is already stored, at position "
                        + position + ", " + difference);
            }
        }

        void reject(long line, String message) {
            if (line > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("files of more than " + Integer.MAX_VALUE + " lines are not supported");
            }
            rejected.set((int) line);
            if (++rejectedCount <= MAX_LISTED_ERRORS) {
                errors.add(new LineError(line, message));
            }
        }

        ImportReport report(Path file, long imported, boolean wasCancelled, String failure) {
            return new ImportReport(file.toString(), lines, imported, alreadyStoredCount, rejectedCount, errors,
                    wasCancelled, failure);
        }
    }

    /** The events of one appendAll; consecutive events of a stream share one StreamAppend. */
    private static final class Batch {
        private record Group(String streamId, long firstVersion, List<NewEvent> events) {
        }

        private final List<Group> groups = new ArrayList<>();
        int size;
        long firstLine;
        long lastLine;

        void add(ImportedEvent e, long line) {
            if (size == 0) {
                firstLine = line;
            }
            lastLine = line;
            size++;
            Group last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
            if (last != null && last.streamId().equals(e.streamId()) && (last.firstVersion() == 0) == (e.version() == 0)) {
                last.events().add(e.event());
            } else {
                List<NewEvent> events = new ArrayList<>();
                events.add(e.event());
                groups.add(new Group(e.streamId(), e.version(), events));
            }
        }

        List<StreamAppend> appends() {
            List<StreamAppend> appends = new ArrayList<>(groups.size());
            for (Group g : groups) {
                ExpectedVersion expected = g.firstVersion() == 0 ? ExpectedVersion.ANY : ExpectedVersion.exactly(g.firstVersion() - 1);
                appends.add(new StreamAppend(g.streamId(), expected, g.events()));
            }
            return appends;
        }
    }
}
