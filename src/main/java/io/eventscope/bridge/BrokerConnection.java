package io.eventscope.bridge;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.PossibleAuthenticationFailureException;
import com.rabbitmq.client.ShutdownSignalException;
import io.eventscope.engine.bus.Backoff;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection to a broker that can be opened again. The first {@link #open} fails at once
 * when nobody answers, so a person hears it plainly; once the bridge has been connected, a
 * dropped connection or a broker restart is retried with {@link Backoff} before giving up,
 * and each step of that is told to whoever watches, as well as logged.
 */
final class BrokerConnection implements AutoCloseable {
    static final Backoff RECONNECT = new Backoff(12, Duration.ofMillis(250), 2.0, Duration.ofSeconds(5));
    private static final Logger LOG = LoggerFactory.getLogger(BrokerConnection.class);

    private final BrokerAddress broker;
    private final String name;
    private final Backoff backoff;
    private Connection connection;
    private Consumer<String> notices = notice -> { };

    BrokerConnection(BrokerAddress broker, String name, Backoff backoff) {
        this.broker = broker;
        this.name = name;
        this.backoff = backoff;
    }

    /** Who hears, in a sentence each, that the connection was lost, each attempt to reopen it, and its return. */
    void onNotice(Consumer<String> notices) {
        this.notices = notices;
    }

    /** Connects and opens a channel; a broker that does not answer is {@link BrokerUnavailableException} at once. */
    Channel open() {
        close();
        try {
            connection = broker.factory().newConnection(name);
            return connection.createChannel();
        } catch (IOException | TimeoutException e) {
            close();
            throw unreachable(broker, e);
        }
    }

    /** After a failure: waits, connects again, and again, until it works or the backoff's attempts are spent. */
    Channel reopen(Exception failure, BooleanSupplier cancelled) {
        close();
        Exception last = failure;
        for (int attempt = 1; attempt <= backoff.maxAttempts() && !cancelled.getAsBoolean(); attempt++) {
            Duration delay = backoff.delayAfter(attempt);
            String lost = "Lost the broker at " + broker + " (" + describe(last) + "); reconnecting in "
                    + delay.toMillis() + " ms, attempt " + attempt + " of " + backoff.maxAttempts();
            LOG.warn(lost);
            notices.accept(lost);
            sleep(delay);
            try {
                Channel reopened = open();
                String back = "Reconnected to " + broker + " (attempt " + attempt + ")";
                LOG.info(back);
                notices.accept(back);
                return reopened;
            } catch (BrokerUnavailableException e) {
                last = e;
            }
        }
        throw new BrokerUnavailableException("Lost the broker at " + broker + " and could not reconnect after "
                + backoff.maxAttempts() + " attempts: " + describe(last), last);
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.abort(1_000);
            } finally {
                connection = null;
            }
        }
    }

    /** Whether a failure is the broker going away (worth reconnecting), rather than a refusal of what was asked. */
    static boolean isConnectionLoss(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ShutdownSignalException signal) {
                return signal.isHardError();
            }
        }
        return t instanceof IOException || t instanceof TimeoutException;
    }

    static BrokerUnavailableException unreachable(BrokerAddress broker, Exception e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof PossibleAuthenticationFailureException) {
                return new BrokerUnavailableException("The broker at " + broker + " refused the login: check the user"
                        + " and password (" + describe(e) + ")", e);
            }
        }
        return new BrokerUnavailableException("No broker answers at " + broker + " (" + describe(e) + ")", e);
    }

    static String describe(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ShutdownSignalException signal) {
                return signal.getMessage();
            }
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException("Interrupted while reconnecting", e);
        }
    }
}
