package io.eventscope.cli;

import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.store.Stores;
import picocli.CommandLine.Option;

/** The {@code --store} option every command takes, and opening what it names. */
final class StoreOption {
    @Option(names = "--store", paramLabel = "S",
            description = "An H2 database path (/data/shop means /data/shop.mv.db), a jdbc: URL, or 'mem'."
                    + " Default: the per-user store ~/.eventscope/default.")
    String spec;

    /**
     * This option when it was given, else {@code outer}'s: a command with subcommands takes
     * {@code --store} before or after the subcommand's name ({@code query --store S orders}).
     */
    StoreOption orElse(StoreOption outer) {
        return spec != null || outer == null ? this : outer;
    }

    /** @throws io.eventscope.engine.store.EventStoreException naming the file and what to do when it cannot open */
    OpenStore open() {
        return Stores.open(spec);
    }
}
