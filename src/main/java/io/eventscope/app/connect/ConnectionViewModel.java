package io.eventscope.app.connect;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The connection dialog for a PostgreSQL store: server, database and login, checked as they
 * are typed. The password goes into the URL handed to the opener and is cleared after each
 * connect, so it lives no longer than the attempt.
 */
public final class ConnectionViewModel {
    private final StringProperty host = new SimpleStringProperty("127.0.0.1");
    private final StringProperty port = new SimpleStringProperty("5432");
    private final StringProperty database = new SimpleStringProperty("postgres");
    private final StringProperty user = new SimpleStringProperty("postgres");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringBinding problem = Bindings.createStringBinding(this::findProblem, host, port, database, user);
    private final BooleanBinding valid = problem.isEmpty();
    private final Consumer<String> opener;

    /** {@code opener} opens the store at a JDBC URL (off the FX thread, reporting failures itself). */
    public ConnectionViewModel(Consumer<String> opener) {
        this.opener = opener;
    }

    public StringProperty host() {
        return host;
    }

    public StringProperty port() {
        return port;
    }

    public StringProperty database() {
        return database;
    }

    public StringProperty user() {
        return user;
    }

    public StringProperty password() {
        return password;
    }

    /** What is wrong with the fields, empty when they can be tried. */
    public StringBinding problem() {
        return problem;
    }

    public BooleanBinding valid() {
        return valid;
    }

    /** The JDBC URL of the fields, with the password when one is given. */
    public String jdbcUrl() {
        String url = "jdbc:postgresql://" + host.get().trim() + ":" + port.get().trim() + "/" + database.get().trim()
                + "?user=" + encode(user.get().trim());
        return password.get().isEmpty() ? url : url + "&password=" + encode(password.get());
    }

    /** Opens the store the fields name; does nothing while they are not valid. */
    public void connect() {
        if (valid.get()) {
            String url = jdbcUrl();
            password.set("");
            opener.accept(url);
        }
    }

    private String findProblem() {
        if (blank(host)) {
            return "Name the server (host name or address).";
        }
        if (!port.get().trim().matches("\\d{1,5}") || Integer.parseInt(port.get().trim()) < 1
                || Integer.parseInt(port.get().trim()) > 65_535) {
            return "The port is a number from 1 to 65535, not '" + port.get().trim() + "'.";
        }
        if (blank(database)) {
            return "Name the database on the server.";
        }
        if (!database.get().trim().matches("[^/?&#\\s]+")) {
            return "A database name cannot hold spaces or any of / ? & #.";
        }
        if (blank(user)) {
            return "Name the user to log in as.";
        }
        if (!host.get().trim().matches("[^/?&#@:\\s]+")) {
            return "The server is a host name or address, without spaces or any of / ? & # @ :.";
        }
        return "";
    }

    private static boolean blank(StringProperty p) {
        return p.get() == null || p.get().isBlank();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
