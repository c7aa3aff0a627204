package io.eventscope.engine.io;

import static io.eventscope.engine.io.ImportFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.InMemoryEventStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files built to break the importer: each bad line is named with what is wrong, and the store stays as it was. */
class HostileImportTest {
    @TempDir
    Path dir;

    private InMemoryEventStore store;
    private String before;

    @BeforeEach
    void storeWithHistory() {
        store = ImportFixtures.sampleStore();
        before = ImportFixtures.export(store, EventFilter.ALL);
    }

    private Path file(byte[]... lines) throws IOException {
        Path file = dir.resolve("hostile.ndjson");
        try (OutputStream out = Files.newOutputStream(file)) {
            for (byte[] l : lines) {
                out.write(l);
                out.write('\n');
            }
        }
        return file;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Imports atomically, checks nothing changed, returns the errors as "line N: message". */
    private List<String> rejected(Path file) {
        ImportReport report = NdjsonImporter.envelopes(store).importFile(file, ImportOptions.ATOMIC, ProgressMonitor.NONE);
        assertThat(report.imported()).isZero();
        assertThat(ImportFixtures.export(store, EventFilter.ALL)).as("the store is unchanged").isEqualTo(before);
        List<String> errors = new ArrayList<>();
        report.errors().forEach(e -> errors.add(e.toString()));
        assertThat(report.rejected()).isEqualTo(errors.size());
        return errors;
    }

    @Test
    void aTruncatedLastLine() throws IOException {
        String good = line("n1", "order-new", 1);
        Path file = dir.resolve("truncated.ndjson");
        Files.writeString(file, good + "\n" + line("n2", "order-new", 2).substring(0, 50));

        assertThat(rejected(file)).singleElement().asString()
                .startsWith("line 2: malformed JSON at byte").contains("end-of-input");
    }

    @Test
    void invalidUtf8() throws IOException {
        byte[] bad = utf8(line("n2", "order-new", 2).replace("\"k\":1", "\"k\":\"caf??\""));
        int at = new String(bad, StandardCharsets.ISO_8859_1).indexOf("??");
        bad[at] = (byte) 0xC3;
        bad[at + 1] = (byte) 0x28;

        assertThat(rejected(file(utf8(line("n1", "order-new", 1)), bad)))
                .containsExactly("line 2: invalid UTF-8 at byte " + (at + 1) + " of the line");
    }

    @Test
    void aTenMegabyteLine() throws IOException {
        String huge = line("n1", "order-new", 1).replace("\"k\":1", "\"k\":\"" + "x".repeat(10 * 1024 * 1024) + "\"");

        List<String> errors = rejected(file(utf8(huge), utf8(line("n2", "order-new", 1))));

        assertThat(errors).containsExactly(
                "line 1: line is " + huge.length() + " bytes long, more than the limit of 1048576");
    }

    @Test
    void aNestingBomb() throws IOException {
        String bomb = line("n1", "order-new", 1).replace("\"k\":1", "\"k\":" + "[".repeat(100_000) + "]".repeat(100_000));

        assertThat(rejected(file(utf8(bomb)))).containsExactly("line 1: JSON nested deeper than 200 levels");
    }

    @Test
    void duplicateIdsInTheFileAndAgainstTheStore() throws IOException {
        assertThat(rejected(file(utf8(line("n1", "order-a", 1)), utf8(line("n1", "order-b", 1)),
                utf8(line("evt-4", "order-c", 1)))))
                .containsExactly(
                        "line 2: event id 'n1' is already used on line 1",
                        "line 3: event id 'evt-4' is already stored, at position 4, stored in stream 'order-o4', not 'order-c'");
    }

    @Test
    void wrongTypesAndMissingFields() throws IOException {
        String ok = line("n1", "order-a", 1);
        assertThat(rejected(file(
                utf8(ok.replace("\"version\":1", "\"version\":\"1\"")),
                utf8(ok.replace("{\"k\":1}", "[1,2]").replace("n1", "n2")),
                utf8(ok.replace("\"eventType\":\"Imported\",", "").replace("n1", "n3")),
                utf8(ok.replace("2026-11-20T10:00:00Z", "yesterday").replace("n1", "n4")),
                utf8(ok.replace("\"schemaVersion\":1", "\"schemaVersion\":0").replace("n1", "n5")),
                utf8(ok.replace("\"eventType\"", "\"evenType\"").replace("n1", "n6")),
                utf8("[1,2,3]"),
                utf8(ok.replace("}}", "},\"metadata\":{\"userId\":7}}").replace("n1", "n7")),
                utf8(ok + " {}"))))
                .containsExactly(
                        "line 1: field 'version' must be an integer from 1 to 9223372036854775807, found string \"1\"",
                        "line 2: field 'data' must be a JSON object, found array",
                        "line 3: missing field 'eventType'",
                        "line 4: field 'timestamp' must be an ISO-8601 UTC instant like 2026-11-20T09:15:02Z, found \"yesterday\"",
                        "line 5: field 'schemaVersion' must be an integer from 1 to 2147483647, found number 0",
                        "line 6: unknown field 'evenType'",
                        "line 7: expected a JSON object, found array",
                        "line 8: field 'metadata.userId' must be a string or null, found number 7",
                        "line 9: malformed JSON at byte " + (ok.length() + 2) + ": Trailing token (of type START_OBJECT) found after value "
                                + "(bound as `com.fasterxml.jackson.databind.JsonNode`): not allowed as per "
                                + "`DeserializationFeature.FAIL_ON_TRAILING_TOKENS`");
    }

    @Test
    void versionsThatSkipOrRepeat() throws IOException {
        // order-o1 and order-o2 hold five events each (evt-1, 8, 15, 22, 29 and evt-2, 9, 16, 23, 30).
        assertThat(rejected(file(
                utf8(line("n1", "order-o1", 6)),
                utf8(line("n2", "order-o1", 8)),
                utf8(line("n3", "order-o1", 7)),
                utf8(line("n4", "order-fresh", 2)),
                utf8(line("n5", "order-o2", 3)))))
                .containsExactly(
                        "line 2: version 8 of stream 'order-o1' does not follow on: the stream is at version 6, so the next must be 7",
                        "line 4: version 2 of stream 'order-fresh' does not follow on: the stream is at version 0, so the next must be 1",
                        "line 5: version 3 of stream 'order-o2' does not follow on: the stream is at version 5, so the next must be 6");
    }

    @Test
    void intoAnEmptyStoreEveryStreamStartsAtVersionOne() throws IOException {
        store = new InMemoryEventStore();
        before = ImportFixtures.export(store, EventFilter.ALL);
        assertThat(rejected(file(
                utf8(line("n1", "order-x", 1)),
                utf8(line("n2", "order-x", 3)),
                utf8(line("n3", "order-y", 2)))))
                .containsExactly(
                        "line 2: version 3 of stream 'order-x' does not follow on: the stream is at version 1, so the next must be 2",
                        "line 3: version 2 of stream 'order-y' does not follow on: the stream is at version 0, so the next must be 1");
    }

    @Test
    void partialImportKeepsTheGoodLinesAndCopiesTheBadOnesByteForByte() throws IOException {
        byte[] invalidUtf8 = {'{', '"', (byte) 0xFF, '"', '}'};
        String huge = "x".repeat(2 * 1024 * 1024);
        Path file = file(utf8(line("n1", "order-new", 1)), invalidUtf8, utf8(line("n2", "order-new", 2)),
                utf8(huge), new byte[0], utf8(line("n3", "order-new", 4)), utf8(line("n4", "order-new", 3)));
        Path rejects = dir.resolve("rejects.ndjson");

        ImportReport report = NdjsonImporter.envelopes(store).importFile(file, ImportOptions.partial(rejects), ProgressMonitor.NONE);

        assertThat(report.imported()).isEqualTo(3);
        assertThat(report.rejected()).isEqualTo(3);
        assertThat(report.lines()).isEqualTo(7);
        assertThat(report.errors()).extracting(LineError::line).containsExactly(2L, 4L, 6L);
        assertThat(store.streamVersion("order-new")).isEqualTo(3);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.write(invalidUtf8);
        expected.write('\n');
        expected.write(utf8(huge + "\n" + line("n3", "order-new", 4) + "\n"));
        assertThat(Files.readAllBytes(rejects)).isEqualTo(expected.toByteArray());
    }

    @Test
    void cancellingDuringValidationImportsNothing() throws IOException {
        List<byte[]> lines = new ArrayList<>();
        for (int i = 1; i <= 20_000; i++) {
            lines.add(utf8(line("n" + i, "order-big", i)));
        }
        Path file = file(lines.toArray(new byte[0][]));
        List<Long> progress = new ArrayList<>();
        ProgressMonitor cancelling = new ProgressMonitor() {
            public void progress(long done, long total) {
                progress.add(done);
            }

            public boolean isCancelled() {
                return progress.size() >= 2;
            }
        };

        ImportReport report = NdjsonImporter.envelopes(store).importFile(file, ImportOptions.ATOMIC, cancelling);

        assertThat(report.cancelled()).isTrue();
        assertThat(report.imported()).isZero();
        long size = Files.size(file);
        assertThat(progress).hasSize(2).isSorted().allMatch(p -> p > 0 && p < size);
        assertThat(ImportFixtures.export(store, EventFilter.ALL)).isEqualTo(before);
    }

    @Test
    void cancellingWhileAppendingStopsAfterACommittedBatchAndSaysHowFarItGot() throws IOException {
        List<byte[]> lines = new ArrayList<>();
        for (int i = 1; i <= 1_000; i++) {
            lines.add(utf8(line("n" + i, "order-big", i)));
        }
        Path file = file(lines.toArray(new byte[0][]));
        long size = Files.size(file);
        ProgressMonitor cancelOnceAppending = new ProgressMonitor() {
            private boolean appending;

            public void progress(long done, long total) {
                appending = done > size;
            }

            public boolean isCancelled() {
                return appending;
            }
        };

        ImportReport report = NdjsonImporter.envelopes(store)
                .importFile(file, ImportOptions.ATOMIC.withBatchSize(100), cancelOnceAppending);

        assertThat(report.cancelled()).isTrue();
        assertThat(report.imported()).isEqualTo(100);
        assertThat(store.streamVersion("order-big")).isEqualTo(100);
    }
}
