package io.eventscope.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.eventscope.engine.event.EnvelopeJson;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.EventStore;
import io.eventscope.engine.store.OpenStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "read", mixinStandardHelpOptions = true,
        description = "Prints the matching events of the global log as NDJSON, one envelope per line,"
                + " in position order.")
final class ReadCommand implements Callable<Integer> {
    /** Events fetched per query: the log is streamed page by page, never held whole. */
    static final int PAGE_SIZE = 1000;

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Option(names = "--stream", paramLabel = "ID", description = "A stream id, or a pattern where * matches anything.")
    String stream;

    @Option(names = "--correlation-id", paramLabel = "C", description = "Only events of this correlation.")
    String correlationId;

    @Option(names = "--causation-id", paramLabel = "X", description = "Only events caused by this command or event.")
    String causationId;

    @Option(names = "--type", paramLabel = "T", split = ",",
            description = "Event type; repeat or separate with commas to accept several.")
    Set<String> types;

    @Option(names = "--text", paramLabel = "S",
            description = "Only events holding each word of S, or a word starting with it, in their data's values"
                    + " or metadata (case-insensitive; a piece from inside a word does not match).")
    String text;

    @Option(names = "--from-time", paramLabel = "T", description = "Only events at or after T (ISO-8601, e.g. 2026-11-20T09:00:00Z).")
    String fromTime;

    @Option(names = "--to-time", paramLabel = "T", description = "Only events before T (ISO-8601).")
    String toTime;

    @Option(names = "--from-position", paramLabel = "P",
            description = "First position to consider (default: 1, or the head with --backwards).")
    Long fromPosition;

    @Option(names = "--limit", paramLabel = "N", description = "Print at most N events.")
    Long limit;

    @Option(names = "--backwards", description = "Newest first.")
    boolean backwards;

    private Instant instant(String option, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), option + " must be an ISO-8601 instant such as"
                    + " 2026-11-20T09:00:00Z, was '" + value + "'");
        }
    }

    @Override
    public Integer call() throws IOException {
        if (limit != null && limit < 0) {
            throw new ParameterException(spec.commandLine(), "--limit must be 0 or more, was " + limit);
        }
        if (fromPosition != null && fromPosition < 0) {
            throw new ParameterException(spec.commandLine(), "--from-position must be 0 or more, was " + fromPosition);
        }
        EventFilter filter;
        try {
            filter = new EventFilter(stream, types, correlationId, causationId, instant("--from-time", fromTime),
                    instant("--to-time", toTime), text);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--text: " + e.getMessage());
        }
        Direction direction = backwards ? Direction.BACKWARDS : Direction.FORWARDS;
        long next = fromPosition != null ? fromPosition : backwards ? Long.MAX_VALUE : 1;
        long remaining = limit != null ? limit : Long.MAX_VALUE;
        PrintWriter out = spec.commandLine().getOut();
        // one generator for the whole output: per-line strings and generators cost as much as the read
        JsonGenerator json = Json.MAPPER.getFactory().createGenerator(out)
                .disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM)
                .setRootValueSeparator(null); // lines end with the line break alone
        try (OpenStore opened = store.open()) {
            EventStore eventStore = opened.store();
            while (remaining > 0) {
                int pageSize = (int) Math.min(PAGE_SIZE, remaining);
                List<EventEnvelope> page = eventStore.read(filter, next, pageSize, direction);
                if (page.isEmpty()) {
                    break;
                }
                for (EventEnvelope e : page) {
                    json.writeTree(EnvelopeJson.toNode(e));
                    json.flush();
                    out.println();
                }
                remaining -= page.size();
                long last = page.get(page.size() - 1).position();
                next = backwards ? last - 1 : last + 1;
                if (out.checkError()) {
                    break; // the reader went away (e.g. piped into head): stop reading the log
                }
            }
        }
        return Cli.OK;
    }
}
