package io.eventscope.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Import lines parsed on a second thread: in order, each with its event or its error, and no reading left behind. */
class ParsedLinesTest {
    @TempDir
    Path dir;

    private Path file(List<String> lines) throws IOException {
        Path file = dir.resolve("lines.ndjson");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    private static <T> List<ParsedLines.Line<T>> all(ParsedLines<T> lines) throws IOException {
        List<ParsedLines.Line<T>> out = new ArrayList<>();
        for (ParsedLines.Line<T> line = lines.next(); line != null; line = lines.next()) {
            out.add(line);
        }
        return out;
    }

    @Test
    void everyLineInOrderWithItsEventOrWhatIsWrongParsedOnAnotherThread() throws IOException {
        List<String> text = new ArrayList<>();
        for (int i = 1; i <= 1_203; i++) { // more than two chunks
            text.add(i == 7 ? "{not json" : i == 8 ? "" : i == 9 ? "{\"k\":\"" + "x".repeat(200) + "\"}"
                    : ImportFixtures.line("e-" + i, "s-" + i, 1));
        }
        Set<String> parsers = ConcurrentHashMap.newKeySet();
        List<ParsedLines.Line<ImportedEvent>> lines;
        try (ParsedLines<ImportedEvent> parsed = ParsedLines.open(file(text), 180, node -> {
            parsers.add(Thread.currentThread().getName());
            return StrictEnvelopeReader.read(node);
        }, number -> number == 3)) {
            lines = all(parsed);
        }

        assertThat(lines).extracting(ParsedLines.Line::number).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, 1_203).boxed().toList());
        assertThat(lines.get(0).value().event().eventId()).isEqualTo("e-1");
        assertThat(lines.get(1_202).value().event().eventId()).isEqualTo("e-1203");
        assertThat(lines.get(2).value()).as("skipped, so not parsed").isNull();
        assertThat(lines.get(2).error()).isNull();
        assertThat(lines.get(6).error()).startsWith("malformed JSON");
        assertThat(lines.get(7).length()).isZero();
        assertThat(lines.get(7).value()).isNull();
        assertThat(lines.get(8).error()).isEqualTo("line is 208 bytes long, more than the limit of 180");
        assertThat(lines.get(1_202).bytesRead()).isEqualTo(Files.size(dir.resolve("lines.ndjson")));
        assertThat(parsers).containsExactly("eventscope-import-lines");
    }

    @Test
    void aFileThatCannotBeReadFailsTheCallerNotTheThreadAlone() {
        assertThatThrownBy(() -> {
            try (ParsedLines<ImportedEvent> lines = ParsedLines.open(dir.resolve("missing.ndjson"), 100, StrictEnvelopeReader::read,
                    number -> false)) {
                lines.next();
            }
        }).isInstanceOf(IOException.class).hasCauseInstanceOf(NoSuchFileException.class);
    }

    @Test
    void closingBeforeTheEndStopsTheReading() throws IOException {
        List<String> text = new ArrayList<>();
        for (int i = 1; i <= 20_000; i++) {
            text.add(ImportFixtures.line("e-" + i, "s-" + i, 1));
        }
        Path file = file(text);
        try (ParsedLines<ImportedEvent> lines = ParsedLines.open(file, 1_000, StrictEnvelopeReader::read, number -> false)) {
            assertThat(lines.next().number()).isEqualTo(1);
        }

        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("eventscope-import-lines"));
    }
}
