package io.eventscope.engine.io;

import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.store.Stores;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A separate JVM that imports a file into a store, printing {@code progress DONE TOTAL} at each
 * step of the importer, so a test can kill it while the append pass is halfway.
 */
public final class ImportingChild {
    private ImportingChild() {
    }

    /** Starts this main in a child JVM with the test classpath; its stderr goes to {@code log}. */
    public static Process start(Path store, Path file, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ImportingChild.class.getName(), store.toString(), file.toString())
                .redirectError(log.toFile())
                .start();
    }

    public static void main(String[] args) {
        try (OpenStore open = Stores.open(args[0])) {
            NdjsonImporter.envelopes(open.store()).importFile(Path.of(args[1]), ImportOptions.ATOMIC, new ProgressMonitor() {
                @Override
                public void progress(long done, long total) {
                    System.out.println("progress " + done + " " + total);
                    System.out.flush();
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }
            });
        }
    }
}
