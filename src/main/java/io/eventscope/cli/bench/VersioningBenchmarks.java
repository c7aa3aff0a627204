package io.eventscope.cli.bench;

import io.eventscope.engine.store.LogPages;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.Metadata;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.io.ExportFormat;
import io.eventscope.engine.io.ImportOptions;
import io.eventscope.engine.io.ImportReport;
import io.eventscope.engine.io.NdjsonExporter;
import io.eventscope.engine.io.NdjsonImporter;
import io.eventscope.engine.io.ProgressMonitor;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.store.Stores;
import io.eventscope.engine.store.StreamAppend;
import io.eventscope.engine.upcast.DryRunReport;
import io.eventscope.engine.upcast.UpcastDryRun;
import io.eventscope.shop.upcast.ShopUpcasters;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The versioning figures of {@code bench}, as ratios against baselines measured in the same
 * run: the validated atomic import of an exported file against the store's own batched
 * appendAll of the same events, and the upcast dry run and the export against a plain paged
 * read of the whole log (the dry run covers every event but reads only the old shapes; the rest
 * it counts on an index). Events are shop-like: order streams of five events, a third of them in old
 * schema versions that the shop's upcasters change.
 */
public final class VersioningBenchmarks {
    /** Events per appendAll, for the baseline and for import alike. */
    static final int BATCH = ImportOptions.DEFAULT_BATCH_SIZE;
    private static final int EXPORT_ROUNDS = 5;
    private static final int IMPORT_ROUNDS = 3;
    private static final Instant EPOCH = Instant.parse("2026-11-16T07:00:00Z");

    private VersioningBenchmarks() {
    }

    /**
     * Fills a fresh H2 store with {@code ctx.events()} events (timing only appendAll: the
     * baseline), reads it back (the dry run's and the export's baseline), exports it, runs the
     * dry run, and imports the export into another fresh store. Export and import are timed in
     * alternating rounds with their baselines, the best of each kept: single runs of the same jar
     * varied by a fifth, more than the goals leave.
     */
    public static List<Figure> importExportUpcast(BenchContext ctx) throws IOException, InterruptedException {
        int events = (int) Math.min(Integer.MAX_VALUE, ctx.events());
        Path file = ctx.dir().resolve("versioning-export.ndjson");
        List<Figure> figures = new ArrayList<>();
        long bestAppend;
        FilterBenchmarks.indexed(ctx.store().store()); // the loaded store's indexer must not take a core from what is timed here
        try (OpenStore source = Stores.open(ctx.dir().resolve("versioning-source").toString())) {
            bestAppend = appendAll(source, events);
            // What is timed from here on competes with no indexer but, for the import, its own store's, as appendAll did.
            FilterBenchmarks.indexed(source.store());

            // warm-ups, so that the first timed round finds the store in cache and the code compiled
            readAll(source);
            export(source, file);
            long bestRead = Long.MAX_VALUE;
            long bestExport = Long.MAX_VALUE;
            for (int round = 0; round < EXPORT_ROUNDS; round++) {
                long start = System.nanoTime();
                readAll(source);
                long read = System.nanoTime();
                export(source, file);
                bestRead = Math.min(bestRead, read - start);
                bestExport = Math.min(bestExport, System.nanoTime() - read);
            }
            double readRate = events / (bestRead / 1e9);

            // Warm-up as for the read: the dry run reads through its own index, which the read did not touch.
            UpcastDryRun upcastDryRun = new UpcastDryRun(source.store(), ShopUpcasters.chain());
            upcastDryRun.run(ProgressMonitor.NONE);
            long start = System.nanoTime();
            DryRunReport dryRun = upcastDryRun.run(ProgressMonitor.NONE);
            figures.add(Figure.against("upcast-dry-run", rate(dryRun.scanned(), start), readRate, "events/s"));
            figures.add(Figure.against("export-ndjson", events / (bestExport / 1e9), readRate, "events/s"));
        }
        try {
            long bestImport = Long.MAX_VALUE;
            for (int round = 0; round < IMPORT_ROUNDS; round++) {
                if (round > 0) {
                    Path again = ctx.dir().resolve("versioning-append");
                    try (OpenStore store = Stores.open(again.toString())) {
                        bestAppend = Math.min(bestAppend, appendAll(store, events));
                    }
                    deleteStore(again);
                }
                Path target = ctx.dir().resolve("versioning-import");
                try (OpenStore store = Stores.open(target.toString())) {
                    long start = System.nanoTime();
                    ImportReport report = NdjsonImporter.envelopes(store.store()).importFile(file, ImportOptions.ATOMIC,
                            ProgressMonitor.NONE);
                    bestImport = Math.min(bestImport, System.nanoTime() - start);
                    if (!report.complete() || report.imported() != events) {
                        throw new IllegalStateException("the bench import did not complete: " + report);
                    }
                }
                deleteStore(target);
            }
            figures.add(Figure.against("import-ndjson", events / (bestImport / 1e9), events / (bestAppend / 1e9), "events/s"));
        } finally {
            Files.deleteIfExists(file);
        }
        return figures;
    }

    private static void deleteStore(Path store) throws IOException {
        Files.deleteIfExists(Path.of(store + ".mv.db"));
    }

    private static void export(OpenStore source, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            new NdjsonExporter(source.store(), ExportFormat.NDJSON).export(EventFilter.ALL, out, ProgressMonitor.NONE);
        }
    }

    /** Reads the whole log page by page, as the dry run and export do; returns how many events. */
    private static long readAll(OpenStore store) {
        long[] read = {0};
        LogPages.forEach(store.store(), EventFilter.ALL, 1, BATCH, page -> {
            read[0] += page.size();
            return true;
        });
        return read[0];
    }

    private static double rate(long count, long startNanos) {
        return count / ((System.nanoTime() - startNanos) / 1e9);
    }

    /** Appends the events in batches; returns the nanoseconds spent inside appendAll, not building events. */
    private static long appendAll(OpenStore store, int events) {
        long nanos = 0;
        List<StreamAppend> batch = new ArrayList<>();
        int inBatch = 0;
        for (int order = 0; order * 5 < events; order++) {
            List<NewEvent> stream = new ArrayList<>(5);
            for (int v = 0; v < 5 && order * 5 + v < events; v++) {
                stream.add(event(order, v));
            }
            batch.add(new StreamAppend("order-" + order, ExpectedVersion.NO_STREAM, stream));
            inBatch += stream.size();
            if (inBatch >= BATCH) {
                long start = System.nanoTime();
                store.store().appendAll(batch);
                nanos += System.nanoTime() - start;
                batch = new ArrayList<>();
                inBatch = 0;
            }
        }
        if (!batch.isEmpty()) {
            long start = System.nanoTime();
            store.store().appendAll(batch);
            nanos += System.nanoTime() - start;
        }
        return nanos;
    }

    /** Event {@code v} of order {@code order}: created (v1 for a third of the orders), paid, reserved, captured, shipped. */
    private static NewEvent event(int order, int v) {
        String orderId = "o" + order;
        boolean legacy = order % 3 == 0;
        ObjectNode data = Json.object();
        data.put("orderId", orderId);
        String type;
        int schemaVersion = 1;
        switch (v) {
            case 0:
                type = "OrderCreated";
                data.put("userId", "user-" + order % 97);
                ObjectNode item = data.putArray("items").addObject();
                item.put("sku", "SKU-" + order % 50);
                item.put("quantity", 1 + order % 4);
                item.put("unitPrice", new BigDecimal("12.50"));
                if (legacy) {
                    data.put("total", new BigDecimal("25.00"));
                } else {
                    data.put("amount", new BigDecimal("25.00"));
                    data.put("currency", "EUR");
                    schemaVersion = 3;
                }
                break;
            case 1:
                type = legacy ? "PaymentProcessed" : "PaymentCaptured";
                schemaVersion = legacy ? 1 : 2;
                data.put("paymentId", orderId);
                data.put(legacy ? "total" : "amount", new BigDecimal("25.00"));
                if (!legacy) {
                    data.put("currency", "EUR");
                }
                break;
            case 2:
                type = "OrderPaid";
                data.put("amount", new BigDecimal("25.00"));
                break;
            case 3:
                type = "ShipmentScheduled";
                break;
            default:
                type = "OrderShipped";
                data.put("trackingNumber", "TRK" + order);
        }
        return new NewEvent("e-" + order + "-" + v, type, null, null, schemaVersion, EPOCH.plusSeconds(order * 5L + v), data,
                Metadata.of("user-" + order % 97, "c-" + order, v == 0 ? "cmd-" + order : "e-" + order + "-" + (v - 1)));
    }
}
