package io.eventscope.app;

import io.eventscope.engine.io.ImportOptions;
import io.eventscope.engine.io.ImportReport;
import io.eventscope.engine.io.NdjsonImporter;
import io.eventscope.engine.io.ProgressMonitor;
import io.eventscope.engine.store.EventStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills the default store on its first start, so a newcomer meets a living shop: when the
 * store is empty and the sample file exists, its events are imported.
 */
public final class StoreSeeder {
    private static final Logger LOG = LoggerFactory.getLogger(StoreSeeder.class);

    private final Path sampleFile;

    public StoreSeeder(Path sampleFile) {
        this.sampleFile = sampleFile;
    }

    public void seedIfEmpty(EventStore store, BackgroundWork.Progress progress) {
        if (store.headPosition() > 0) {
            return;
        }
        if (!Files.isRegularFile(sampleFile)) {
            LOG.info("No sample data at {}; the default store starts empty", sampleFile.toAbsolutePath());
            return;
        }
        progress.message("Importing sample data " + sampleFile.getFileName());
        ImportReport report = NdjsonImporter.envelopes(store).importFile(sampleFile, ImportOptions.ATOMIC,
                new ProgressMonitor() {
                    @Override
                    public void progress(long done, long total) {
                        progress.update(done, total);
                    }

                    @Override
                    public boolean isCancelled() {
                        return progress.isCancelled();
                    }
                });
        if (!report.complete()) {
            throw new IllegalStateException("Sample data " + sampleFile + " was not imported: "
                    + (report.failure() != null ? report.failure()
                    : report.rejected() + " bad line(s), first: " + report.errors().get(0)));
        }
        LOG.info("Seeded the default store with {} events from {}", report.imported(), sampleFile);
    }
}
