package io.eventscope.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.Metadata;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.io.ExportFormat;
import io.eventscope.engine.io.ImportOptions;
import io.eventscope.engine.io.ImportReport;
import io.eventscope.engine.io.NdjsonExporter;
import io.eventscope.engine.io.NdjsonImporter;
import io.eventscope.engine.io.ProgressMonitor;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.store.StreamAppend;
import io.eventscope.engine.upcast.DryRunReport;
import io.eventscope.engine.upcast.UpcastDryRun;
import io.eventscope.shop.upcast.ShopUpcasters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The versioning figures for {@code bench}, measured in one process so they read as ratios:
 * the store's own batched append rate (the baseline for import), a plain paged read of the
 * whole log (the baseline for the upcast dry run), NDJSON export, the dry run, and a validated
 * atomic import of the exported file into a fresh store of the same kind. Events are shop-like: order streams of five events, a third of them in old
 * schema versions that the shop's upcasters change.
 */
public final class VersioningBench {
    /** Events per appendAll, for the baseline and for import alike. */
    static final int BATCH = ImportOptions.DEFAULT_BATCH_SIZE;
    private static final Instant EPOCH = Instant.parse("2026-11-16T07:00:00Z");

    private VersioningBench() {
    }

    /**
     * Runs the four measurements with {@code events} events; {@code freshStore} opens a new, empty
     * store each time it is called; {@code workDir} holds the exported file. Returns events/s per
     * figure and the import/append ratio.
     */
    public static ObjectNode run(Supplier<OpenStore> freshStore, int events, Path workDir) {
        ObjectNode figures = Json.object();
        figures.put("events", events);
        Path file = workDir.resolve("bench-export.ndjson");
        try (OpenStore source = freshStore.get()) {
            figures.put("store", source.store().describe());
            double append = events / (appendAll(source, events) / 1e9);
            figures.put("appendBatchedPerSecond", Math.round(append));

            long start = System.nanoTime();
            long read = 0;
            for (List<EventEnvelope> page = source.store().read(EventFilter.ALL, 1, BATCH, Direction.FORWARDS); !page.isEmpty();
                 page = source.store().read(EventFilter.ALL, page.get(page.size() - 1).position() + 1, BATCH, Direction.FORWARDS)) {
                read += page.size();
            }
            double readRate = rate(read, start);
            figures.put("readPerSecond", Math.round(readRate));

            start = System.nanoTime();
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                new NdjsonExporter(source.store(), ExportFormat.NDJSON).export(EventFilter.ALL, out, ProgressMonitor.NONE);
            }
            figures.put("exportPerSecond", Math.round(rate(events, start)));

            start = System.nanoTime();
            DryRunReport dryRun = new UpcastDryRun(source.store(), ShopUpcasters.chain()).run(ProgressMonitor.NONE);
            double upcast = rate(dryRun.scanned(), start);
            figures.put("upcastDryRunPerSecond", Math.round(upcast));
            figures.put("upcastDryRunToReadRatio", Math.round(100 * upcast / readRate) / 100.0);
            figures.put("upcastDryRunChanged", dryRun.changed());

            try (OpenStore target = freshStore.get()) {
                start = System.nanoTime();
                ImportReport report = NdjsonImporter.envelopes(target.store()).importFile(file, ImportOptions.ATOMIC,
                        ProgressMonitor.NONE);
                double imported = rate(report.imported(), start);
                if (!report.complete()) {
                    throw new IllegalStateException("the bench import did not complete: " + report);
                }
                figures.put("importPerSecond", Math.round(imported));
                figures.put("importToAppendRatio", Math.round(100 * imported / append) / 100.0);
            }
            figures.put("fileBytes", Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temp file is not worth failing the figures for
            }
        }
        return figures;
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
