package io.eventscope.app;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import io.eventscope.engine.store.Stores;
import io.eventscope.engine.store.jdbc.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the workbench remembers between runs (theme, recent stores), kept as a properties file
 * in the Eventscope folder (the {@code eventscope.home} system property, else
 * {@code ~/.eventscope}). Small file, read once at start. A setting changes in memory at once;
 * {@link #save()} writes them all, off the FX thread.
 */
public final class Settings {
    private static final Logger LOG = LoggerFactory.getLogger(Settings.class);
    private static final int MAX_RECENT = 8;

    private final Path home;
    private final Path file;
    private final Properties values = new Properties();

    public Settings(Path home) {
        this.home = home;
        this.file = home.resolve("settings.properties");
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                values.load(in);
            } catch (IOException e) {
                LOG.warn("Could not read {}; starting with default settings: {}", file, e.toString());
            }
        }
    }

    /** The settings of the per-user folder the stores use too ({@link Stores#home()}). */
    public static Settings fromSystem() {
        return new Settings(Stores.home());
    }

    public Path home() {
        return home;
    }

    /** The store a first start opens, and fills with the sample shop. */
    public Path defaultStore() {
        return home.resolve("default.mv.db");
    }

    public boolean darkTheme() {
        return Boolean.parseBoolean(values.getProperty("theme.dark", "false"));
    }

    public void setDarkTheme(boolean dark) {
        values.setProperty("theme.dark", Boolean.toString(dark));
    }

    /** The id of the view showing when the window last closed, null the first time. */
    public String lastView() {
        return values.getProperty("view.last");
    }

    public void setLastView(String id) {
        values.setProperty("view.last", id);
    }

    /** Stores opened before, most recent first. */
    public List<Path> recentStores() {
        List<Path> recent = new ArrayList<>();
        for (int i = 0; i < MAX_RECENT; i++) {
            String value = values.getProperty("recent." + i);
            if (value != null) {
                recent.add(Path.of(value));
            }
        }
        return recent;
    }

    public void rememberStore(Path store) {
        List<Path> recent = recentStores();
        recent.remove(store);
        recent.add(0, store);
        for (int i = 0; i < MAX_RECENT; i++) {
            if (i < recent.size()) {
                values.setProperty("recent." + i, recent.get(i).toString());
            } else {
                values.remove("recent." + i);
            }
        }
    }

    /** Stores on database servers opened before, most recent first: JDBC URLs without a password. */
    public List<String> recentSharedStores() {
        List<String> recent = new ArrayList<>();
        for (int i = 0; i < MAX_RECENT; i++) {
            String value = values.getProperty("recent.shared." + i);
            if (value != null) {
                recent.add(value);
            }
        }
        return recent;
    }

    /** Remembers a store on a server; a password in the URL is dropped first, so none is ever written here. */
    public void rememberSharedStore(String jdbcUrl) {
        List<String> recent = recentSharedStores();
        String safe = Database.displayUrl(jdbcUrl);
        recent.remove(safe);
        recent.add(0, safe);
        for (int i = 0; i < MAX_RECENT; i++) {
            if (i < recent.size()) {
                values.setProperty("recent.shared." + i, recent.get(i));
            } else {
                values.remove("recent.shared." + i);
            }
        }
    }

    /**
     * Writes every setting as it is now. Serialized, so whichever of several saves runs last
     * writes the newest values.
     */
    public synchronized void save() {
        try {
            Files.createDirectories(home);
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                values.store(out, "Eventscope settings");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save settings to " + file, e);
        }
    }
}
