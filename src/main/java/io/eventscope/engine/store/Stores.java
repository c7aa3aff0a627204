package io.eventscope.engine.store;

import io.eventscope.engine.store.jdbc.Database;
import io.eventscope.engine.store.jdbc.JdbcEventStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Opens an event store from what a person types after {@code --store}: nothing for the
 * default store in the per-user folder, {@code mem} for a throwaway in-memory store, an H2
 * database path ({@code /data/shop} is the file /data/shop.mv.db) or a JDBC URL.
 */
public final class Stores {
    /** Overrides the per-user folder (~/.eventscope), so tests never touch the real home. */
    public static final String HOME_PROPERTY = "eventscope.home";

    private static final String H2_SUFFIX = ".mv.db";

    private Stores() {
    }

    public static OpenStore open(String spec) {
        if (spec == null || spec.isBlank()) {
            return openDefault();
        }
        String s = spec.trim();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.equals("mem") || lower.equals("memory")) {
            return new OpenStore(new InMemoryEventStore(), null);
        }
        if (lower.startsWith("jdbc:")) {
            return openJdbc(s);
        }
        return openFile(Path.of(s));
    }

    /** The folder holding the default store and anything else Eventscope keeps per user. */
    public static Path home() {
        String configured = System.getProperty(HOME_PROPERTY);
        return configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".eventscope");
    }

    private static OpenStore openDefault() {
        return openFile(home().resolve("default"));
    }

    /** The per-user folder is ours: it is made on first use, wherever the store is opened from. */
    private static void createHome(Path home) {
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new EventStoreException("Cannot create the Eventscope folder " + home + " for the default store ("
                    + e.getMessage() + "). Make it writable, or name a store with --store.", e);
        }
    }

    private static OpenStore openFile(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            throw new EventStoreException("Cannot open the store " + absolute + ": it is a folder. Name a store file"
                    + " inside it, for example " + absolute.resolve("shop") + " (which is " + absolute.resolve("shop")
                    + H2_SUFFIX + ").");
        }
        String name = absolute.toString();
        if (name.endsWith(H2_SUFFIX)) {
            absolute = Path.of(name.substring(0, name.length() - H2_SUFFIX.length()));
        }
        Path folder = absolute.getParent();
        if (folder != null && folder.equals(home().toAbsolutePath().normalize())) {
            createHome(folder);
        }
        if (folder != null && !Files.isDirectory(folder)) {
            throw new EventStoreException("Cannot open the store " + absolute + H2_SUFFIX + ": the folder " + folder
                    + " does not exist. Create it first, or choose another --store path.");
        }
        return openJdbc("jdbc:h2:file:" + absolute);
    }

    private static OpenStore openJdbc(String url) {
        Database db = Database.open(url);
        try {
            return new OpenStore(new JdbcEventStore(db), db);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }
}
