package io.eventscope.engine.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.Metadata;
import io.eventscope.engine.event.RawEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What text search looks at: the words of an event. A word is a run of letters, digits and
 * {@code - _ . : / @}, with at least one letter or digit, lower-cased and cut to {@value #MAX_LENGTH} characters, so ids, SKUs,
 * times and e-mail addresses stay whole ("cust-0042", "2026-11-26t14:30:00z"). An event's
 * words come from the values of its JSON data (not the field names) and from its metadata: the
 * user and each free entry's key and value. A search text matches an event when each of its
 * words starts one of the event's words, or starts its correlation or causation id exactly as
 * typed (ids are case-sensitive, and their own indexes answer this): whole words and prefixes,
 * which indexes can answer; a piece from the middle of a word does not match.
 */
public final class TextWords {
    /** Longer words are indexed, and searched, by their first this many characters. */
    public static final int MAX_LENGTH = 100;
    private static final String JOINERS = "-_.:/@";

    private TextWords() {
    }

    /** The distinct words of an event, in the order first met; its correlation and causation ids are matched apart. */
    public static Set<String> of(EventEnvelope e) {
        Set<String> words = new LinkedHashSet<>();
        addValues(e.data(), words);
        addMetadata(e.metadata(), words);
        return words;
    }

    /**
     * The same words read from the stored JSON text without building its tree (what the
     * filter index does for every event): strings and booleans as written, numbers as the
     * parsed node shows them (TextWordsTest holds the two ways to the same words).
     */
    public static Set<String> of(RawEvent e) {
        Set<String> words = new LinkedHashSet<>();
        try (JsonParser p = Json.MAPPER.createParser(e.data())) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
                    split(p.getText(), words);
                } else if (t == JsonToken.VALUE_NUMBER_INT) {
                    split(p.getNumberValue().toString(), words);
                } else if (t == JsonToken.VALUE_NUMBER_FLOAT) {
                    split(p.getDecimalValue().toString(), words); // the engine parses floats as exact decimals
                }
            }
        } catch (IOException x) {
            throw new EventStoreException("The event at position " + e.position() + " holds unreadable JSON: "
                    + x.getMessage(), x);
        }
        addMetadata(e.metadata(), words);
        return words;
    }

    private static void addMetadata(Metadata m, Set<String> words) {
        split(m.userId(), words);
        for (Map.Entry<String, String> entry : m.extra().entrySet()) {
            split(entry.getKey(), words);
            split(entry.getValue(), words);
        }
    }

    /** The words of a search text, in order, as typed (not lower-cased); empty when it holds no letter or digit. */
    public static List<String> ofQuery(String text) {
        Set<String> words = new LinkedHashSet<>();
        split(text, words, false);
        return new ArrayList<>(words);
    }

    /** Whether every word of the query starts a word of the event, or its correlation or causation id. */
    public static boolean matches(EventEnvelope e, List<String> queryWords) {
        Set<String> words = of(e);
        return queryWords.stream().allMatch(q -> startsAnId(e.metadata(), q)
                || words.stream().anyMatch(w -> w.startsWith(q.toLowerCase(Locale.ROOT))));
    }

    private static boolean startsAnId(Metadata m, String queryWord) {
        return (m.correlationId() != null && m.correlationId().startsWith(queryWord))
                || (m.causationId() != null && m.causationId().startsWith(queryWord));
    }

    private static void addValues(JsonNode node, Set<String> words) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isContainerNode()) {
            for (Iterator<JsonNode> values = node.elements(); values.hasNext(); ) {
                addValues(values.next(), words);
            }
        } else {
            split(node.asText(), words);
        }
    }

    private static void split(String text, Set<String> words) {
        split(text, words, true);
    }

    private static void split(String text, Set<String> words, boolean lowerCase) {
        if (text == null) {
            return;
        }
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean inWord = i < text.length() && isWordChar(text.charAt(i));
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                String word = text.substring(start, i);
                if (word.chars().anyMatch(Character::isLetterOrDigit)) {
                    word = lowerCase ? word.toLowerCase(Locale.ROOT) : word;
                    words.add(word.length() > MAX_LENGTH ? word.substring(0, MAX_LENGTH) : word);
                }
                start = -1;
            }
        }
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || JOINERS.indexOf(c) >= 0;
    }
}
