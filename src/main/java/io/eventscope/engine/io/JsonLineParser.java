package io.eventscope.engine.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.eventscope.engine.event.Json;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of one line into a JSON tree: strict UTF-8 (a bad byte is an error, never a
 * replacement character), exactly one JSON value per line, nesting no deeper than
 * {@link Json#MAX_NESTING_DEPTH}. Not thread-safe: one per import.
 */
final class JsonLineParser {
    private static final ObjectReader READER = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    /** The line's text; a leading byte order mark is dropped. */
    String decode(ByteBuffer bytes) {
        int start = bytes.position();
        try {
            CharBuffer chars = utf8.reset().decode(bytes);
            if (chars.length() > 0 && chars.charAt(0) == '\uFEFF') {
                chars.position(1);
            }
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new InvalidLineException("invalid UTF-8 at byte " + (bytes.position() - start + 1) + " of the line");
        }
    }

    JsonNode parse(String text) {
        try {
            return READER.readTree(text);
        } catch (StreamConstraintsException e) {
            throw new InvalidLineException("JSON nested deeper than " + Json.MAX_NESTING_DEPTH + " levels");
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
            throw new InvalidLineException("malformed JSON" + where + ": " + firstLine(e.getOriginalMessage()));
        }
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
