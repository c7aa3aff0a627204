package io.eventscope.app;

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

    /** Reads an NDJSON event log into a store; the importer of engine/io plugs in here. */
    @FunctionalInterface
    public interface Importer {
        long importFile(Path ndjson, EventStore store, BackgroundWork.Progress progress) throws Exception;
    }

    private final Path sampleFile;
    private final Importer importer;

    /** @param importer null while no NDJSON importer exists: the store then stays empty */
    public StoreSeeder(Path sampleFile, Importer importer) {
        this.sampleFile = sampleFile;
        this.importer = importer;
    }

    public void seedIfEmpty(EventStore store, BackgroundWork.Progress progress) throws Exception {
        if (store.headPosition() > 0) {
            return;
        }
        if (!Files.isRegularFile(sampleFile)) {
            LOG.info("No sample data at {}; the default store starts empty", sampleFile.toAbsolutePath());
            return;
        }
        if (importer == null) {
            LOG.warn("Sample data {} found but no importer is wired; the default store starts empty", sampleFile);
            return;
        }
        progress.message("Importing sample data " + sampleFile.getFileName());
        long imported = importer.importFile(sampleFile, store, progress);
        LOG.info("Seeded the default store with {} events from {}", imported, sampleFile);
    }
}
