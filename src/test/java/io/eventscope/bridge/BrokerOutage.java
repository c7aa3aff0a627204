package io.eventscope.bridge;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A relay in front of the real broker that a test takes down for a while, as a broker restart
 * looks to its clients: every connection through it drops at once, and new ones are refused
 * until it is back. Only the clients that connect through it notice, so the other tests and
 * engineers on the shared broker carry on (a real {@code rabbitmqctl stop_app} would stop them too).
 */
final class BrokerOutage implements AutoCloseable {
    private static final int BROKER_PORT = 5672;

    private final int port;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "broker-outage relay");
        t.setDaemon(true);
        return t;
    });
    private volatile ServerSocket listening;

    private BrokerOutage(ServerSocket listening) {
        this.listening = listening;
        this.port = listening.getLocalPort();
        threads.submit(() -> accept(listening));
    }

    static BrokerOutage start() throws IOException {
        return new BrokerOutage(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    }

    /** The broker through the relay, as guest. */
    String uri() {
        return "amqp://guest:guest@127.0.0.1:" + port;
    }

    /** Drops every connection now and refuses new ones until {@code down} has passed, then relays again. */
    void begin(Duration down) throws IOException {
        listening.close();
        sockets.forEach(BrokerOutage::closeQuietly);
        threads.submit(() -> {
            Thread.sleep(down.toMillis());
            ServerSocket again = new ServerSocket();
            again.setReuseAddress(true);
            again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            listening = again;
            accept(again);
            return null;
        });
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket broker = new Socket(InetAddress.getLoopbackAddress(), BROKER_PORT);
                sockets.add(client);
                sockets.add(broker);
                threads.submit(() -> pump(client, broker));
                threads.submit(() -> pump(broker, client));
            } catch (IOException closed) {
                return; // the outage began, or the test is over
            }
        }
    }

    private void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException dropped) {
            // one side went: the other goes too, below
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            sockets.remove(from);
            sockets.remove(to);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing is all that is wanted
        }
    }

    @Override
    public void close() throws IOException {
        threads.shutdownNow();
        listening.close();
        sockets.forEach(BrokerOutage::closeQuietly);
    }
}
