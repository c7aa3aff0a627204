package io.eventscope.bridge;

import com.rabbitmq.client.ConnectionFactory;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where a broker is: an AMQP URI such as {@code amqp://guest:guest@127.0.0.1:5672}. The
 * password is kept only inside the connection factory; {@link #toString} and
 * {@link #display} never show it, so logs, messages, checkpoints and the window cannot leak it.
 */
public final class BrokerAddress {
    public static final String DEFAULT_URI = "amqp://guest@127.0.0.1:5672";

    private final String display;
    private final ConnectionFactory factory;

    private BrokerAddress(String display, ConnectionFactory factory) {
        this.display = display;
        this.factory = factory;
    }

    /** @throws IllegalArgumentException naming what is wrong, without repeating the password */
    public static BrokerAddress parse(String uri) {
        return parse(uri, null);
    }

    /**
     * With the password given apart from the URI (a password field, an environment variable),
     * used when the URI has none, so it need not appear in a process list or a settings file.
     */
    public static BrokerAddress parse(String uri, char[] password) {
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException("no broker URI given; expected one like " + DEFAULT_URI);
        }
        URI parsed;
        try {
            parsed = new URI(uri.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the broker URI is malformed at index " + e.getIndex()
                    + "; expected one like " + DEFAULT_URI);
        }
        String scheme = parsed.getScheme();
        if (!"amqp".equalsIgnoreCase(scheme) && !"amqps".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("the broker URI must start with amqp:// or amqps://, was "
                    + (scheme == null ? "no scheme" : scheme + "://"));
        }
        if (parsed.getHost() == null) {
            throw new IllegalArgumentException("the broker URI names no host; expected one like " + DEFAULT_URI);
        }
        if (parsed.getPort() > 65_535) {
            throw new IllegalArgumentException("the broker URI's port must be from 1 to 65535, was " + parsed.getPort());
        }
        ConnectionFactory factory = new ConnectionFactory();
        try {
            factory.setUri(parsed);
        } catch (Exception e) {
            // the client's message may quote the whole URI, password included
            throw new IllegalArgumentException("the broker URI " + redact(parsed) + " is not usable: check its port,"
                    + " user and virtual host");
        }
        boolean uriHasPassword = parsed.getRawUserInfo() != null && parsed.getRawUserInfo().contains(":");
        if (!uriHasPassword && password != null && password.length > 0) {
            factory.setPassword(new String(password));
        }
        if (parsed.getRawPath() == null || parsed.getRawPath().equals("/")) {
            factory.setVirtualHost("/"); // the AMQP URI spec reads a bare "/" as the empty vhost, which nobody means
        }
        // Reconnecting is the bridge's own loop, which knows what to redo; the client's recovery would replay blindly.
        factory.setAutomaticRecoveryEnabled(false);
        factory.setConnectionTimeout(5_000);
        factory.setRequestedHeartbeat(10);
        return new BrokerAddress(redact(parsed), factory);
    }

    public ConnectionFactory factory() {
        return factory;
    }

    /** The URI with the password left out: {@code amqp://guest@127.0.0.1:5672}. */
    public String display() {
        return display;
    }

    @Override
    public String toString() {
        return display;
    }

    private static String redact(URI uri) {
        String user = uri.getRawUserInfo();
        int colon = user == null ? -1 : user.indexOf(':');
        String shownUser = user == null ? "" : (colon < 0 ? user : user.substring(0, colon)) + "@";
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        String path = uri.getRawPath() == null || uri.getRawPath().equals("/") ? "" : uri.getRawPath();
        return uri.getScheme().toLowerCase() + "://" + shownUser + uri.getHost() + port + path;
    }
}
