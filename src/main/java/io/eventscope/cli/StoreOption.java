package io.eventscope.cli;

import io.eventscope.engine.store.EventStore;
import picocli.CommandLine.Option;

/** The {@code --store} option every command takes, and opening what it names. */
final class StoreOption {
    @Option(names = "--store", paramLabel = "S",
            description = "An H2 database path (/data/shop means /data/shop.mv.db), a jdbc: URL, or 'mem'."
                    + " Default: the per-user store ~/.eventscope/default.")
    String spec;

    EventStore open() {
        return TemporaryStores.open(spec);
    }
}
