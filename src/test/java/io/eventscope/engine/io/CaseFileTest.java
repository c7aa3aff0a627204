package io.eventscope.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventscope.engine.domain.Engine;
import io.eventscope.engine.event.EnvelopeJson;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.whatif.ShopHistory;
import io.eventscope.shop.upcast.ShopUpcasters;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Case files: written from a real H2 store, verified, imported into an empty one; damaged ones refused. */
class CaseFileTest {
    @TempDir
    static Path dir;
    private static Path good;
    private static List<String> originalEvents;
    private static List<?> originalJournal;

    @BeforeAll
    static void exportACase() {
        good = dir.resolve("o1.escase");
        try (Engine engine = ShopHistory.open(dir.resolve("source").toString())) {
            ShopHistory shop = new ShopHistory(engine);
            shop.paidAndShipped();
            shop.rejected("PayOrder", """
                    {"orderId": "o1", "amount": 1.00}""");
            long written = new CaseExporter(engine.openStore().store(), engine.journal(), ShopUpcasters.chain(),
                    Clock.systemUTC()).exportCorrelation(ShopHistory.CORRELATION, good);
            assertThat(written).isEqualTo(3);
            originalEvents = storedEvents(engine);
            originalJournal = engine.journal().byCorrelationId(ShopHistory.CORRELATION);
        }
    }

    private static List<String> storedEvents(Engine engine) {
        return engine.openStore().store().read(EventFilter.ALL, 1, 100, Direction.FORWARDS).stream()
                .map(EnvelopeJson::write).toList();
    }

    @Test
    void an_export_reports_each_stream_read_and_a_cancelled_one_writes_nothing() throws IOException {
        try (Engine engine = ShopHistory.open("memory")) {
            ShopHistory shop = new ShopHistory(engine);
            shop.paidAndShipped();
            shop.accepted("ChargePayment", """
                    {"orderId": "o1", "amount": 24.50}""");
            CaseExporter exporter = new CaseExporter(engine.openStore().store(), engine.journal(),
                    ShopUpcasters.chain(), Clock.systemUTC());
            List<String> reported = new java.util.ArrayList<>();
            Path out = dir.resolve("progress.escase");
            exporter.exportCorrelation(ShopHistory.CORRELATION, out, new ProgressMonitor() {
                @Override
                public void progress(long done, long total) {
                    reported.add(done + "/" + total);
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }
            });
            assertThat(reported).containsExactly("0/2", "1/2", "2/2");
            assertThat(CaseVerifier.verify(out).eventCount()).isEqualTo(4);

            Path cancelled = dir.resolve("cancelled.escase");
            assertThatThrownBy(() -> exporter.exportCorrelation(ShopHistory.CORRELATION, cancelled,
                    new ProgressMonitor() {
                        @Override
                        public void progress(long done, long total) {
                        }

                        @Override
                        public boolean isCancelled() {
                            return true;
                        }
                    })).isInstanceOf(java.util.concurrent.CancellationException.class);
            assertThat(cancelled).doesNotExist();
            try (var left = Files.list(dir)) {
                assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".case-"));
            }
        }
    }

    @Test
    void a_case_round_trips_into_an_empty_store_with_its_events_and_journal_as_they_were() {
        VerifiedCase verified = CaseVerifier.verify(good);
        assertThat(verified.manifest().get("counts").get("events").asInt()).isEqualTo(3);
        assertThat(verified.manifest().get("counts").get("commands").asInt()).isEqualTo(4);
        assertThat(verified.manifest().get("parts").get("events.ndjson").get("sha256").asText()).hasSize(64);

        try (Engine target = ShopHistory.open(dir.resolve("target").toString())) {
            CaseImportReport report = new CaseImporter(target.openStore().store(), target.journal())
                    .importCase(good, ProgressMonitor.NONE);
            assertThat(report.events()).isEqualTo(3);
            assertThat(report.commands()).isEqualTo(4);
            assertThat(storedEvents(target)).isEqualTo(originalEvents);
            assertThat(target.journal().byCorrelationId(ShopHistory.CORRELATION)).isEqualTo(originalJournal);

            // the usual import rules: events already stored with the same content are no-ops
            CaseImportReport again = new CaseImporter(target.openStore().store(), target.journal())
                    .importCase(good, ProgressMonitor.NONE);
            assertThat(again.events()).isZero();
            assertThat(storedEvents(target)).isEqualTo(originalEvents);
            assertThat(target.journal().byCorrelationId(ShopHistory.CORRELATION)).isEqualTo(originalJournal);
        }
    }

    @Test
    void a_file_that_is_not_a_zip_is_refused() throws IOException {
        Path junk = dir.resolve("junk.escase");
        Files.writeString(junk, "{\"not\": \"a zip\"}");
        assertRefused(junk, "junk.escase is not a readable case file (a zip)");
    }

    @Test
    void a_part_changed_after_writing_is_refused_by_its_sha256() throws IOException {
        Path tampered = rewrite("tampered.escase", parts -> parts.put("events.ndjson",
                new String(parts.get("events.ndjson"), StandardCharsets.UTF_8).replace("24.50", "0.01")
                        .getBytes(StandardCharsets.UTF_8)));
        assertRefused(tampered, "the part events.ndjson does not match its sha256 in the manifest");
    }

    @Test
    void a_missing_part_is_refused() throws IOException {
        assertRefused(rewrite("missing.escase", parts -> parts.remove("journal.ndjson")),
                "the part journal.ndjson is missing");
    }

    @Test
    void an_unexpected_part_is_refused() throws IOException {
        assertRefused(rewrite("extra.escase", parts -> parts.put("../../evil.sh", new byte[] {1})),
                "unexpected part '../../evil.sh'");
    }

    @Test
    void hostile_json_inside_is_refused_even_when_its_checksum_was_forged() throws IOException {
        String bomb = "[".repeat(10_000) + "]".repeat(10_000) + "\n";
        Path hostile = rewrite("hostile.escase", parts -> {
            parts.put("journal.ndjson", bomb.getBytes(StandardCharsets.UTF_8));
            forgeChecksum(parts, "journal.ndjson");
        });
        assertRefused(hostile, "journal.ndjson line 1: JSON nested deeper than 200 levels");

        Path badEnvelope = rewrite("envelope.escase", parts -> {
            parts.put("events.ndjson", "{\"eventId\":\"e1\",\"eventType\":\"X\",\"streamId\":\"s-1\",\"version\":\"one\"}\n"
                    .getBytes(StandardCharsets.UTF_8));
            forgeChecksum(parts, "events.ndjson");
        });
        assertRefused(badEnvelope, "events.ndjson line 1:");
    }

    @Test
    void a_count_that_does_not_match_is_refused() throws IOException {
        Path miscounted = rewrite("count.escase", parts -> {
            ObjectNode manifest = (ObjectNode) Json.parse(new String(parts.get("manifest.json"), StandardCharsets.UTF_8));
            ((ObjectNode) manifest.get("counts")).put("events", 2);
            parts.put("manifest.json", Json.write(manifest).getBytes(StandardCharsets.UTF_8));
        });
        assertRefused(miscounted, "the manifest counts 2 events, the case holds 3");
    }

    @Test
    void a_case_that_clashes_with_the_store_writes_nothing() {
        try (Engine target = ShopHistory.open(dir.resolve("clash").toString())) {
            new ShopHistory(target).accepted("CreateOrder", """
                    {"orderId": "o1", "userId": "bob", "items": [{"sku": "b", "quantity": 1, "unitPrice": 1.00}]}""");
            long journaled = target.journal().count();
            assertThatThrownBy(() -> new CaseImporter(target.openStore().store(), target.journal())
                    .importCase(good, ProgressMonitor.NONE))
                    .isInstanceOf(DamagedCaseException.class)
                    .hasMessageContaining("nothing was imported")
                    .hasMessageContaining("events.ndjson line 1");
            assertThat(target.store().headPosition()).isEqualTo(1);
            assertThat(target.journal().count()).isEqualTo(journaled);
        }
    }

    private static void assertRefused(Path file, String message) {
        assertThatThrownBy(() -> CaseVerifier.verify(file)).isInstanceOf(DamagedCaseException.class)
                .hasMessageContaining(message);
        try (Engine target = ShopHistory.open("memory")) {
            assertThatThrownBy(() -> new CaseImporter(target.openStore().store(), target.journal())
                    .importCase(file, ProgressMonitor.NONE)).isInstanceOf(DamagedCaseException.class);
            assertThat(target.store().headPosition()).as("events written").isZero();
            assertThat(target.journal().count()).as("commands journaled").isZero();
        }
    }

    private static Path rewrite(String name, Consumer<Map<String, byte[]>> change) throws IOException {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(good.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                parts.put(entry.getName(), zip.getInputStream(entry).readAllBytes());
            }
        }
        change.accept(parts);
        Path out = dir.resolve(name);
        try (OutputStream file = Files.newOutputStream(out); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue());
                zip.closeEntry();
            }
        }
        return out;
    }

    private static void forgeChecksum(Map<String, byte[]> parts, String part) {
        ObjectNode manifest = (ObjectNode) Json.parse(new String(parts.get("manifest.json"), StandardCharsets.UTF_8));
        ((ObjectNode) manifest.get("parts").get(part)).put("sha256", CaseExporter.sha256(parts.get(part)));
        parts.put("manifest.json", Json.write(manifest).getBytes(StandardCharsets.UTF_8));
    }

}
