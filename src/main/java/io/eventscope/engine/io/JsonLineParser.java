package io.eventscope.engine.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.eventscope.engine.event.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of one line into a JSON tree: strict UTF-8 (a bad byte is an error naming
 * its offset, never a replacement character), exactly one JSON value per line, nesting no
 * deeper than {@link Json#MAX_NESTING_DEPTH}. A leading byte order mark is skipped. Not
 * thread-safe: one per import.
 */
final class JsonLineParser {
    private static final ObjectReader READER = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    /** Decoded text is only checked, never kept: this buffer is reused chunk after chunk. */
    private final CharBuffer scratch = CharBuffer.allocate(8 * 1024);

    JsonNode parse(ByteBuffer line) {
        int start = line.position();
        if (line.remaining() >= 3 && line.get(start) == (byte) 0xEF && line.get(start + 1) == (byte) 0xBB
                && line.get(start + 2) == (byte) 0xBF) {
            start += 3;
        }
        checkUtf8(line.duplicate().position(start));
        try {
            return READER.readTree(line.array(), line.arrayOffset() + start, line.limit() - start);
        } catch (StreamConstraintsException e) {
            throw new InvalidLineException("JSON nested deeper than " + Json.MAX_NESTING_DEPTH + " levels");
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at byte " + e.getLocation().getColumnNr();
            throw new InvalidLineException("malformed JSON" + where + ": " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void checkUtf8(ByteBuffer bytes) {
        int start = bytes.position();
        utf8.reset();
        while (true) {
            scratch.clear();
            CoderResult result = utf8.decode(bytes, scratch, true);
            if (result.isError()) {
                throw new InvalidLineException("invalid UTF-8 at byte " + (bytes.position() - start + 1) + " of the line");
            }
            if (result.isUnderflow()) {
                return;
            }
        }
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
