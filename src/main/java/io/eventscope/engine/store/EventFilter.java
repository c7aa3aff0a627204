package io.eventscope.engine.store;

import io.eventscope.engine.event.EventEnvelope;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Criteria over the global log; every criterion left null (or empty) matches everything, and
 * the criteria combine with AND.
 *
 * @param streamPattern exact stream id, or a pattern with {@code *} (any run of characters);
 *                      a trailing {@code *} makes it a prefix match
 * @param types         event types, any of which matches
 * @param from          inclusive lower bound on the timestamp
 * @param to            exclusive upper bound on the timestamp
 * @param text          words searched in the values of the event's JSON data and in its metadata
 *                      (user, correlation and causation ids, free entries): each word must be a
 *                      whole word or the start of one, see {@link TextWords}
 */
public record EventFilter(
        String streamPattern,
        Set<String> types,
        String correlationId,
        String causationId,
        Instant from,
        Instant to,
        String text) {

    public static final EventFilter ALL = new EventFilter(null, null, null, null, null, null, null);

    public EventFilter {
        types = types == null ? Set.of() : Set.copyOf(types);
        streamPattern = blankToNull(streamPattern);
        correlationId = blankToNull(correlationId);
        causationId = blankToNull(causationId);
        text = blankToNull(text);
        if (text != null && TextWords.ofQuery(text).isEmpty()) {
            throw new IllegalArgumentException("Text '" + text + "' has no letter or digit to search for");
        }
    }

    public static EventFilter stream(String streamPattern) {
        return ALL.withStreamPattern(streamPattern);
    }

    public static EventFilter correlation(String correlationId) {
        return new EventFilter(null, null, correlationId, null, null, null, null);
    }

    public static EventFilter causation(String causationId) {
        return new EventFilter(null, null, null, causationId, null, null, null);
    }

    public static EventFilter type(String type) {
        return new EventFilter(null, Set.of(type), null, null, null, null, null);
    }

    public EventFilter withStreamPattern(String pattern) {
        return new EventFilter(pattern, types, correlationId, causationId, from, to, text);
    }

    public EventFilter withTypes(Set<String> newTypes) {
        return new EventFilter(streamPattern, newTypes, correlationId, causationId, from, to, text);
    }

    public EventFilter withTimeWindow(Instant newFrom, Instant newTo) {
        return new EventFilter(streamPattern, types, correlationId, causationId, newFrom, newTo, text);
    }

    public EventFilter withText(String newText) {
        return new EventFilter(streamPattern, types, correlationId, causationId, from, to, newText);
    }

    public boolean matchesEverything() {
        return this.equals(ALL);
    }

    /**
     * The test a store without an index applies, compiled once; JDBC stores translate the
     * same rules to SQL.
     */
    public Predicate<EventEnvelope> predicate() {
        Predicate<String> stream = streamPredicate();
        List<String> words = text == null ? null : TextWords.ofQuery(text);
        return e -> (stream == null || stream.test(e.streamId()))
                && (types.isEmpty() || types.contains(e.eventType()))
                && (correlationId == null || correlationId.equals(e.correlationId()))
                && (causationId == null || causationId.equals(e.causationId()))
                && (from == null || !e.timestamp().isBefore(from))
                && (to == null || e.timestamp().isBefore(to))
                && (words == null || TextWords.matches(e, words));
    }

    /** Whether a stream id meets the stream pattern (any does when there is none). */
    public Predicate<String> streamMatcher() {
        Predicate<String> stream = streamPredicate();
        return stream == null ? id -> true : stream;
    }

    private Predicate<String> streamPredicate() {
        if (streamPattern == null) {
            return null;
        }
        if (streamPattern.indexOf('*') < 0) {
            return streamPattern::equals;
        }
        String regex = Arrays.stream(streamPattern.split("\\*", -1))
                .map(part -> part.isEmpty() ? "" : Pattern.quote(part))
                .collect(Collectors.joining(".*"));
        return Pattern.compile(regex).asMatchPredicate();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
