package io.eventscope.bridge;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import io.eventscope.engine.bus.Backoff;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.EventStore;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * Publishes the store's log to a durable topic exchange ({@link EnvelopeMessages} says how an
 * event becomes a message). Events go out in batches on a channel with publisher confirms; the
 * checkpoint moves only after the broker has confirmed a whole batch, so a run that is killed,
 * cancelled or loses the broker resumes after the last confirmed event and never skips one.
 * What it sends twice carries the same message id, and the consumer drops it by event id.
 */
public final class RabbitPublisher implements AutoCloseable {
    static final int BATCH = 1_000;
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

    /** The checkpoint's name: the broker (without password) and the exchange. */
    public String bridgeName() {
        return broker.display() + " " + exchange;
    }

    /**
     * Publishes from {@code fromPosition} (or, when null, after the checkpoint) up to the head
     * as it was when the run started, calling {@code progress} with each confirmed position.
     */
    public PublishReport publishLog(EventStore store, PublishCheckpoints checkpoints, Long fromPosition,
                                    BooleanSupplier cancelled, LongConsumer progress) {
        channel(); // even with nothing to send, a missing broker or a refused exchange is said, not passed over
        long start = fromPosition != null ? fromPosition : checkpoints.confirmed(bridgeName()) + 1;
        long head = store.headPosition();
        long next = start;
        long published = 0;
        while (next <= head && !cancelled.getAsBoolean()) {
            List<EventEnvelope> page = store.read(EventFilter.ALL, next, BATCH, Direction.FORWARDS).stream()
                    .filter(e -> e.position() <= head).toList();
            if (page.isEmpty()) {
                break;
            }
            publishConfirmed(page, cancelled);
            long last = page.get(page.size() - 1).position();
            checkpoints.confirm(bridgeName(), last);
            published += page.size();
            next = last + 1;
            progress.accept(last);
        }
        return new PublishReport(published, start, next - 1, next <= head);
    }

    /** Publishes these events and waits for the broker's confirms; the checkpoint stays where it is. */
    public void publish(List<EventEnvelope> events) {
        for (int from = 0; from < events.size(); from += BATCH) {
            publishConfirmed(events.subList(from, Math.min(events.size(), from + BATCH)), () -> false);
        }
    }

    /** The whole batch again after a lost connection: the broker confirmed none of it that we know of. */
    private void publishConfirmed(List<EventEnvelope> batch, BooleanSupplier cancelled) {
        while (true) {
            Channel ch = channel();
            try {
                for (EventEnvelope e : batch) {
                    ch.basicPublish(exchange, EnvelopeMessages.routingKey(e), EnvelopeMessages.properties(e),
                            EnvelopeMessages.body(e));
                }
                ch.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MS);
                return;
            } catch (IOException | TimeoutException | RuntimeException e) {
                if (!BrokerConnection.isConnectionLoss(e)) {
                    throw refused(e);
                }
                channel = declared(connection.reopen(e, cancelled));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BrokerUnavailableException("Interrupted while waiting for the broker's confirms", e);
            }
        }
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
