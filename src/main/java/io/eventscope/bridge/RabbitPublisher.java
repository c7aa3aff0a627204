package io.eventscope.bridge;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import io.eventscope.engine.bus.Backoff;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.RawEvent;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.EventStore;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Publishes the store's log to a durable topic exchange ({@link EnvelopeMessages} says how an
 * event becomes a message). Messages stream out on a channel with publisher confirms, up to
 * {@link #WINDOW} unconfirmed at a time ({@link ConfirmWindow}); the checkpoint is the highest
 * position up to which the broker has confirmed every event, so a run that is killed,
 * cancelled or loses the broker resumes after it and never skips one. After a lost connection
 * it sends again everything past that position: what goes out twice carries the same message
 * id, and the consumer drops it by event id.
 */
public final class RabbitPublisher implements AutoCloseable {
    /** Messages out at a time without a confirm. */
    public static final int WINDOW = 5_000;
    static final int PAGE = 2_000;
    private static final long CONFIRM_TIMEOUT_MS = 30_000;

    private final BrokerAddress broker;
    private final String exchange;
    private final BrokerConnection connection;
    private Channel channel;

    public RabbitPublisher(BrokerAddress broker, String exchange) {
        this(broker, exchange, BrokerConnection.RECONNECT);
    }

    RabbitPublisher(BrokerAddress broker, String exchange, Backoff reconnect) {
        this.broker = broker;
        this.exchange = exchange;
        this.connection = new BrokerConnection(broker, "eventscope-publisher " + exchange, reconnect);
    }

    /** Who hears of a lost connection, each attempt to reopen it, and its return (on the publishing thread). */
    public void onConnectionNotice(Consumer<String> notices) {
        connection.onNotice(notices);
    }

    /** The checkpoint's name: the broker (without password) and the exchange. */
    public String bridgeName() {
        return broker.display() + " " + exchange;
    }

    /**
     * Publishes from {@code fromPosition} (or, when null, after the checkpoint) up to the head
     * as it was when the run started. The checkpoint follows the confirms every {@link #PAGE}
     * events or so, after a lost connection and at the end; {@code progress} hears each
     * position checkpointed.
     */
    public PublishReport publishLog(EventStore store, PublishCheckpoints checkpoints, Long fromPosition,
                                    BooleanSupplier cancelled, LongConsumer progress) {
        channel(); // even with nothing to send, a missing broker or a refused exchange is said, not passed over
        long start = fromPosition != null ? fromPosition : checkpoints.confirmed(bridgeName()) + 1;
        long head = store.headPosition();
        RunCheckpoint checkpoint = new RunCheckpoint(checkpoints, progress, start - 1);
        Sent sent = sendConfirmed(start - 1, cancelled, (confirmed, window) -> {
            long next = confirmed + 1;
            while (next <= head && !cancelled.getAsBoolean()) {
                List<RawEvent> page = store.readRaw(EventFilter.ALL, next, PAGE);
                if (page.isEmpty()) {
                    break;
                }
                for (RawEvent e : page) {
                    if (e.position() <= head) {
                        send(window, e.position(), EnvelopeMessages.routingKey(e), EnvelopeMessages.properties(e),
                                EnvelopeMessages.body(e));
                    }
                }
                next = page.get(page.size() - 1).position() + 1;
                checkpoint.ifPageOn(window.confirmedMark());
            }
        }, checkpoint);
        return new PublishReport(sent.count, start, sent.lastMark, sent.lastMark < head, sent.reconnects);
    }

    /** Publishes these events and waits for the broker's confirms; the checkpoint stays where it is. */
    public void publish(List<EventEnvelope> events) {
        sendConfirmed(-1, () -> false, (confirmed, window) -> {
            for (int i = (int) confirmed + 1; i < events.size(); i++) {
                EventEnvelope e = events.get(i);
                send(window, i, EnvelopeMessages.routingKey(e), EnvelopeMessages.properties(e), EnvelopeMessages.body(e));
            }
        }, confirmed -> { });
    }

    /** The checkpoint of one run: saved when the confirms have moved it a page on, and whenever a window ends. */
    private final class RunCheckpoint implements LongConsumer {
        private final PublishCheckpoints checkpoints;
        private final LongConsumer progress;
        private long saved;

        RunCheckpoint(PublishCheckpoints checkpoints, LongConsumer progress, long saved) {
            this.checkpoints = checkpoints;
            this.progress = progress;
            this.saved = saved;
        }

        @Override
        public void accept(long confirmed) {
            if (confirmed != saved) {
                checkpoints.confirm(bridgeName(), confirmed);
                saved = confirmed;
                progress.accept(confirmed);
            }
        }

        void ifPageOn(long confirmed) {
            if (confirmed - saved >= PAGE) {
                accept(confirmed);
            }
        }
    }

    /** Sends, in order, what follows the last mark confirmed in order, through the window of one channel. */
    private interface Sending {
        void after(long confirmedMark, ConfirmWindow window) throws IOException, TimeoutException, InterruptedException;
    }

    /** Messages confirmed in order, the mark of the last of them, and the reconnections it took. */
    private record Sent(long count, long lastMark, int reconnects) {
    }

    /**
     * Runs {@code sending} until every message it sends is confirmed; after a lost connection,
     * again on a new one after the last mark confirmed in order, which {@code confirmed} hears
     * whenever a window ends, so nothing the broker confirmed is forgotten.
     */
    private Sent sendConfirmed(long fromMark, BooleanSupplier cancelled, Sending sending, LongConsumer confirmed) {
        long mark = fromMark;
        long count = 0;
        int reconnects = 0;
        while (true) {
            Channel ch = channel();
            ConfirmWindow window = new ConfirmWindow(WINDOW, ch.getNextPublishSeqNo(), mark);
            ch.addConfirmListener(window);
            ch.addShutdownListener(window);
            boolean done = false;
            try {
                sending.after(mark, window);
                window.awaitAll(CONFIRM_TIMEOUT_MS);
                done = true;
            } catch (IOException | TimeoutException | RuntimeException e) {
                if (!BrokerConnection.isConnectionLoss(e)) {
                    throw refused(e);
                }
                if (cancelled.getAsBoolean()) {
                    done = true; // stopped anyway: what is unconfirmed goes out on the next run
                } else {
                    channel = declared(connection.reopen(e, cancelled));
                    reconnects++;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BrokerUnavailableException("Interrupted while waiting for the broker's confirms", e);
            } finally {
                ch.removeConfirmListener(window);
                ch.removeShutdownListener(window);
                mark = window.confirmedMark();
                count += window.confirmedCount();
                confirmed.accept(mark);
            }
            if (done) {
                return new Sent(count, mark, reconnects);
            }
        }
    }

    private void send(ConfirmWindow window, long mark, String routingKey, AMQP.BasicProperties properties, byte[] body)
            throws IOException, TimeoutException, InterruptedException {
        window.add(channel.getNextPublishSeqNo(), mark, CONFIRM_TIMEOUT_MS);
        channel.basicPublish(exchange, routingKey, properties, body);
    }

    private Channel channel() {
        if (channel == null || !channel.isOpen()) {
            channel = declared(connection.open());
        }
        return channel;
    }

    private Channel declared(Channel ch) {
        try {
            ch.exchangeDeclare(exchange, BuiltinExchangeType.TOPIC, true);
            ch.confirmSelect();
            return ch;
        } catch (IOException | RuntimeException e) {
            throw refused(e);
        }
    }

    private BrokerUnavailableException refused(Exception e) {
        return new BrokerUnavailableException("The broker at " + broker + " refused publishing to exchange '" + exchange
                + "': " + BrokerConnection.describe(e), e);
    }

    @Override
    public void close() {
        connection.close();
    }
}
