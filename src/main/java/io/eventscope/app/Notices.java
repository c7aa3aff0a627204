package io.eventscope.app;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the application has to tell the person: errors and short confirmations. Anyone may
 * post, from any thread; the main window shows them (errors as dialogs) and every one is logged.
 */
public final class Notices {
    private static final Logger LOG = LoggerFactory.getLogger(Notices.class);

    /** One message: a headline and the details. */
    public record Notice(Kind kind, String title, String text) {
    }

    public enum Kind { INFO, ERROR }

    private final ObservableList<Notice> posted = FXCollections.observableArrayList();

    public void info(String title, String text) {
        LOG.info("{}: {}", title, text);
        post(new Notice(Kind.INFO, title, text));
    }

    public void error(String title, Throwable error) {
        LOG.warn("{}: {}", title, describe(error));
        post(new Notice(Kind.ERROR, title, describe(error)));
    }

    public void error(String title, String text) {
        LOG.warn("{}: {}", title, text);
        post(new Notice(Kind.ERROR, title, text));
    }

    /** Notices posted so far, newest last; only touched on the FX thread. */
    public ObservableList<Notice> posted() {
        return posted;
    }

    private void post(Notice notice) {
        Fx.run(() -> posted.add(notice));
    }

    /** The message a person can act on: the exception's own words, down to the root cause. */
    static String describe(Throwable error) {
        if (error == null) {
            return "Unknown error";
        }
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (text.indexOf(message) < 0) {
                text.append(text.length() == 0 ? "" : "\nCaused by: ").append(message);
            }
        }
        return text.toString();
    }
}
