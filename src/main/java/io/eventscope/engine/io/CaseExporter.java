package io.eventscope.engine.io;

import io.eventscope.engine.store.LogPages;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventscope.engine.domain.CommandJournal;
import io.eventscope.engine.domain.JournalEntry;
import io.eventscope.engine.event.EnvelopeJson;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.upcast.Upcaster;
import io.eventscope.engine.upcast.UpcasterChain;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a case: the whole streams a correlation touched (or the chosen streams), as stored,
 * so they import from version 1; the journal entries of those streams and of the correlation;
 * the upcasters in use with the schema versions the case holds; a manifest with counts and the
 * sha256 of each part; a README for whoever receives it. Written to a temporary file first and
 * moved into place, so a half-written case never carries the name.
 */
public final class CaseExporter {

    private final EventStore storedEvents;
    private final CommandJournal journal;
    private final UpcasterChain upcasters;
    private final Clock clock;

    /** {@code storedEvents} reads events as stored (not upcast): a case hands over the facts. */
    public CaseExporter(EventStore storedEvents, CommandJournal journal, UpcasterChain upcasters, Clock clock) {
        this.storedEvents = storedEvents;
        this.journal = journal;
        this.upcasters = upcasters;
        this.clock = clock;
    }

    /** A case of what correlation {@code correlationId} touched; returns the number of events written. */
    public long exportCorrelation(String correlationId, Path out) {
        return exportCorrelation(correlationId, out, ProgressMonitor.NONE);
    }

    /**
     * The same, telling {@code monitor} how many of the streams are read; when it asks to stop,
     * stops with a {@link CancellationException} and writes nothing.
     */
    public long exportCorrelation(String correlationId, Path out, ProgressMonitor monitor) {
        Set<String> streams = new TreeSet<>();
        EventFilter filter = EventFilter.correlation(correlationId);
        LogPages.all(storedEvents, filter).forEach(e -> streams.add(e.streamId()));
        List<JournalEntry> commands = journal.byCorrelationId(correlationId);
        if (streams.isEmpty() && commands.isEmpty()) {
            throw new IllegalArgumentException("no events and no commands with correlation id '" + correlationId
                    + "' in " + storedEvents.describe());
        }
        ObjectNode scope = Json.object().put("correlationId", correlationId);
        return write(streams, commands, scope, out, monitor);
    }

    /** A case of these streams; returns the number of events written. */
    public long exportStreams(Set<String> streamIds, Path out) {
        return exportStreams(streamIds, out, ProgressMonitor.NONE);
    }

    /** The same, with progress and cancel as {@link #exportCorrelation(String, Path, ProgressMonitor)}. */
    public long exportStreams(Set<String> streamIds, Path out, ProgressMonitor monitor) {
        for (String s : streamIds) {
            if (storedEvents.streamVersion(s) == 0) {
                throw new IllegalArgumentException("no stream '" + s + "' in " + storedEvents.describe());
            }
        }
        return write(new TreeSet<>(streamIds), List.of(), Json.object(), out, monitor);
    }

    private long write(Set<String> streams, List<JournalEntry> correlated, ObjectNode scope, Path out,
                       ProgressMonitor monitor) {
        List<EventEnvelope> events = new ArrayList<>();
        int read = 0;
        for (String s : streams) {
            if (monitor.isCancelled()) {
                throw new CancellationException("the case export was cancelled; nothing was written");
            }
            monitor.progress(read++, streams.size());
            events.addAll(streamOf(s));
        }
        monitor.progress(streams.size(), streams.size());
        events.sort(Comparator.comparingLong(EventEnvelope::position));
        Map<String, JournalEntry> commands = new LinkedHashMap<>();
        journal.byStreamIds(streams).forEach(c -> commands.put(c.commandId(), c));
        correlated.forEach(c -> commands.putIfAbsent(c.commandId(), c));
        streams.forEach(scope.putArray("streams")::add);

        StringBuilder eventLines = new StringBuilder();
        events.forEach(e -> eventLines.append(EnvelopeJson.write(e)).append('\n'));
        StringBuilder journalLines = new StringBuilder();
        commands.values().forEach(c -> journalLines.append(Json.write(JournalEntryJson.toNode(c))).append('\n'));
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put(CaseParts.EVENTS, utf8(eventLines.toString()));
        parts.put(CaseParts.JOURNAL, utf8(journalLines.toString()));
        parts.put(CaseParts.UPCASTERS, utf8(Json.write(upcastersInUse(events))));
        parts.put(CaseParts.README, utf8(readme(scope, events.size(), commands.size())));

        ObjectNode manifest = Json.object()
                .put("format", CaseParts.FORMAT)
                .put("formatVersion", CaseParts.FORMAT_VERSION)
                .put("createdAt", clock.instant().toString())
                .put("store", storedEvents.describe());
        manifest.set("scope", scope);
        manifest.putObject("counts").put("events", events.size()).put("commands", commands.size())
                .put("streams", streams.size());
        ObjectNode listed = manifest.putObject("parts");
        parts.forEach((name, bytes) -> listed.putObject(name).put("sha256", sha256(bytes)).put("bytes", bytes.length));
        writeZip(manifest, parts, out);
        return events.size();
    }

    private List<EventEnvelope> streamOf(String streamId) {
        return LogPages.stream(storedEvents, streamId);
    }

    private ObjectNode upcastersInUse(List<EventEnvelope> events) {
        ObjectNode out = Json.object();
        ArrayNode chain = out.putArray("chain");
        for (Upcaster u : upcasters.upcasters()) {
            chain.addObject().put("name", u.name()).put("eventType", u.eventType())
                    .put("fromSchemaVersion", u.fromSchemaVersion()).put("toEventType", u.toEventType());
        }
        Map<String, Map<Integer, Integer>> stored = new TreeMap<>();
        events.forEach(e -> stored.computeIfAbsent(e.eventType(), t -> new TreeMap<>())
                .merge(e.schemaVersion(), 1, Integer::sum));
        out.set("storedSchemaVersions", Json.MAPPER.valueToTree(stored));
        return out;
    }

    private static String readme(ObjectNode scope, int events, int commands) {
        return "# An Eventscope case\n\n"
                + "What: " + (scope.hasNonNull("correlationId") ? "correlation " + scope.get("correlationId").asText()
                + ", " : "") + "streams " + scope.get("streams") + ".\n"
                + events + " events as stored (events.ndjson, the envelope `eventscope read` prints), " + commands
                + " journaled commands (journal.ndjson), the upcasters in use (upcasters.json).\n"
                + "manifest.json lists each part with its sha256.\n\n"
                + "Check it: `eventscope case verify FILE.escase`. Look at it: File > Open case in the workbench "
                + "(a scratch store). Merge it into a store: `eventscope case import FILE.escase --store S`.\n";
    }

    private static void writeZip(ObjectNode manifest, Map<String, byte[]> parts, Path out) {
        try {
            Path dir = out.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".case-", ".part");
            try (OutputStream file = Files.newOutputStream(temp); ZipOutputStream zip = new ZipOutputStream(file)) {
                put(zip, CaseParts.MANIFEST, utf8(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(manifest)));
                for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                    put(zip, part.getKey(), part.getValue());
                }
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(temp);
                throw e;
            }
            Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the case " + out + ": " + e.getMessage(), e);
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
