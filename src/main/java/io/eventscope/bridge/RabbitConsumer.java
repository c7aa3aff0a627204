package io.eventscope.bridge;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import io.eventscope.bridge.ConsumedMessage.Outcome;
import io.eventscope.engine.io.ImportedEvent;
import io.eventscope.engine.store.EventStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Consumes a queue bound to an exchange into a {@link Destination}: the store, or the event
 * bus. Messages become events by {@link MessageMapping}; what has arrived together is taken in
 * one go (one commit for the store, up to the batch size), and acknowledged only after that,
 * so a crash or a lost connection at any point means a redelivery, never a loss. A redelivered
 * event is recognised by its event id and not taken again. A message that cannot be mapped is
 * dead-lettered at once with the reason; one the store refuses is tried again up to the
 * settings' attempts, then dead-lettered with the store's reason (one the bus's handlers
 * refuse after the bus's own retries, at once), and the consumer carries on. A lost
 * connection is reopened with backoff. One thread runs {@link #run}; the client's thread only
 * hands deliveries over.
 */
public final class RabbitConsumer implements AutoCloseable {
    private static final long POLL_MS = 200;
    private static final long LINGER_MS = 5;
    private static final int SHOWN_BODY_CHARS = 100_000;

    private final BrokerAddress broker;
    private final ConsumerSettings settings;
    private final Destination destination;
    private final BrokerConnection connection;
    private final BlockingQueue<Delivery> arrived = new LinkedBlockingQueue<>();
    /** Failed attempts per message (by message id, else body), across redeliveries. */
    private final Map<String, Integer> attempts = new HashMap<>();
    private Channel channel;

    /** Into the store. */
    public RabbitConsumer(BrokerAddress broker, ConsumerSettings settings, EventStore store) {
        this(broker, settings, new StoreDestination(store));
    }

    public RabbitConsumer(BrokerAddress broker, ConsumerSettings settings, Destination destination) {
        this.broker = broker;
        this.settings = settings;
        this.destination = destination;
        this.connection = new BrokerConnection(broker, "eventscope-consumer " + settings.queue(), BrokerConnection.RECONNECT);
    }

    /** Who hears of a lost connection, each attempt to reopen it, and its return (on the consuming thread). */
    public void onConnectionNotice(Consumer<String> notices) {
        connection.onNotice(notices);
    }

    /** Connects and declares exchange, queue, binding and the dead-letter exchange and queue, where absent. */
    public void declare() {
        channel();
    }

    /**
     * Consumes until {@code maxNew} events are taken, the timeout passes or {@code cancelled}
     * says so; {@code listener} (may be null) hears of every message handled.
     */
    public ConsumeReport run(long maxNew, Duration timeout, BooleanSupplier cancelled, Consumer<ConsumedMessage> listener) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Counts counts = new Counts();
        while (!cancelled.getAsBoolean() && counts.taken < maxNew && System.nanoTime() < deadline) {
            Channel ch = channel();
            try {
                Delivery first = arrived.poll(POLL_MS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (!ch.isOpen()) {
                        throw ch.getCloseReason();
                    }
                    continue;
                }
                List<Delivery> batch = gather(first, (int) Math.min(settings.batchSize(), maxNew - counts.taken));
                batch.removeIf(d -> d.channel != ch); // from a closed channel: the broker delivers them again
                handle(batch, ch, counts, listener);
            } catch (IOException | TimeoutException | ShutdownSignalException e) {
                if (!BrokerConnection.isConnectionLoss(e)) {
                    throw refused(e);
                }
                arrived.clear();
                channel = started(connection.reopen(e, cancelled));
                counts.reconnects++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return counts.report();
    }

    /** What has arrived, plus what keeps arriving within a moment, up to {@code limit}: one commit for a fast stream. */
    private List<Delivery> gather(Delivery first, int limit) throws InterruptedException {
        List<Delivery> batch = new ArrayList<>();
        batch.add(first);
        while (batch.size() < limit) {
            arrived.drainTo(batch, limit - batch.size());
            Delivery next = batch.size() < limit ? arrived.poll(LINGER_MS, TimeUnit.MILLISECONDS) : null;
            if (next == null) {
                break;
            }
            batch.add(next);
        }
        return batch;
    }

    private void handle(List<Delivery> batch, Channel ch, Counts counts, Consumer<ConsumedMessage> listener)
            throws IOException, TimeoutException, InterruptedException {
        List<Mapped> mapped = new ArrayList<>();
        for (Delivery d : batch) {
            counts.received++;
            try {
                mapped.add(new Mapped(d, MessageMapping.map(d.message)));
            } catch (UnmappableMessageException e) {
                deadLetter(ch, d, e.getMessage(), 1, counts);
                tell(listener, d, null, Outcome.DEAD_LETTERED, e.getMessage());
            }
        }
        Set<String> known = destination.alreadyTaken(mapped.stream().map(Mapped::eventId).toList());
        Set<String> seen = new HashSet<>();
        List<Mapped> fresh = new ArrayList<>();
        long ackUpTo = -1;
        for (Mapped m : mapped) {
            if (known.contains(m.eventId()) || !seen.add(m.eventId())) {
                ackUpTo = m.delivery.tag;
                counts.duplicates++;
                tell(listener, m.delivery, m.event, Outcome.DUPLICATE, null);
            } else {
                fresh.add(m);
            }
        }
        List<String> refusals = fresh.isEmpty() ? List.of() : destination.take(fresh.stream().map(Mapped::event).toList());
        for (int i = 0; i < fresh.size(); i++) {
            Mapped m = fresh.get(i);
            if (refusals.get(i) == null) {
                counts.taken++; // taken, whatever becomes of the ack
                ackUpTo = m.delivery.tag;
                tell(listener, m.delivery, m.event, destination.takenOutcome(), null);
            } else {
                refused(ch, m, refusals.get(i), counts, listener);
            }
        }
        // One ack for the batch: every earlier delivery on this channel is settled by now (this
        // batch's refusals above, earlier batches before), so "up to this tag" means exactly these.
        if (ackUpTo >= 0) {
            ch.basicAck(ackUpTo, true);
        }
    }

    private void refused(Channel ch, Mapped m, String reason, Counts counts, Consumer<ConsumedMessage> listener)
            throws IOException, TimeoutException, InterruptedException {
        int tries = attempts.merge(m.delivery.key, 1, Integer::sum);
        if (tries >= settings.maxAttempts() || !destination.refusalsMayPass()) {
            attempts.remove(m.delivery.key);
            deadLetter(ch, m.delivery, reason, tries, counts);
            tell(listener, m.delivery, m.event, Outcome.DEAD_LETTERED, reason);
        } else {
            ch.basicNack(m.delivery.tag, false, true);
            tell(listener, m.delivery, m.event, Outcome.RETRYING, "attempt " + tries + " of " + settings.maxAttempts()
                    + " failed: " + reason);
        }
    }

    /** Copies the message to the dead-letter exchange with the reason, waits for the broker's confirm, then acks it here. */
    private void deadLetter(Channel ch, Delivery d, String reason, int tries, Counts counts)
            throws IOException, TimeoutException, InterruptedException {
        AMQP.BasicProperties props = DeadLetterQueue.marked(d.properties, reason, tries, d.envelope.getExchange(),
                d.envelope.getRoutingKey(), settings.queue());
        ch.basicPublish(settings.deadLetterExchange(), d.envelope.getRoutingKey(), props, d.body);
        ch.waitForConfirmsOrDie(30_000);
        ch.basicAck(d.tag, false);
        counts.deadLettered++;
    }

    private Channel channel() {
        if (channel == null || !channel.isOpen()) {
            arrived.clear();
            channel = started(connection.open());
        }
        return channel;
    }

    private Channel started(Channel ch) {
        try {
            ch.exchangeDeclare(settings.exchange(), BuiltinExchangeType.TOPIC, true);
            BridgeQueues.declareWhenAbsent(ch, settings.queue());
            ch.queueBind(settings.queue(), settings.exchange(), settings.binding());
            ch.exchangeDeclare(settings.deadLetterExchange(), BuiltinExchangeType.FANOUT, true);
            BridgeQueues.declareWhenAbsent(ch, settings.deadLetterQueue());
            ch.queueBind(settings.deadLetterQueue(), settings.deadLetterExchange(), "");
            ch.confirmSelect();
            ch.basicQos(2 * settings.batchSize());
            ch.basicConsume(settings.queue(), false, new DefaultConsumer(ch) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                    arrived.add(new Delivery(ch, envelope, properties, body));
                }
            });
            return ch;
        } catch (IOException | RuntimeException e) {
            throw refused(e);
        }
    }

    private BrokerUnavailableException refused(Exception e) {
        return new BrokerUnavailableException("The broker at " + broker + " refused consuming queue '" + settings.queue()
                + "' bound to exchange '" + settings.exchange() + "' by '" + settings.binding() + "': "
                + BrokerConnection.describe(e), e);
    }

    private static void tell(Consumer<ConsumedMessage> listener, Delivery d, ImportedEvent event, Outcome outcome,
                             String reason) {
        if (listener == null) {
            return;
        }
        String body = new String(d.body, StandardCharsets.UTF_8);
        listener.accept(new ConsumedMessage(Instant.now(), d.envelope.getRoutingKey(), d.properties.getMessageId(),
                event == null ? null : event.event().eventId(), event == null ? d.properties.getType() : event.event().eventType(),
                event == null ? null : event.streamId(), outcome, reason,
                body.length() <= SHOWN_BODY_CHARS ? body : body.substring(0, SHOWN_BODY_CHARS) + "…"));
    }

    @Override
    public void close() {
        connection.close();
    }

    private final class Counts {
        long received;
        long taken;
        long duplicates;
        long deadLettered;
        int reconnects;

        ConsumeReport report() {
            boolean stored = destination.takenOutcome() == Outcome.STORED;
            return new ConsumeReport(received, stored ? taken : 0, stored ? 0 : taken, duplicates, deadLettered, reconnects);
        }
    }

    private record Mapped(Delivery delivery, ImportedEvent event) {
        String eventId() {
            return event.event().eventId();
        }
    }

    private static final class Delivery {
        final Channel channel;
        final long tag;
        final Envelope envelope;
        final AMQP.BasicProperties properties;
        final byte[] body;
        final InboundMessage message;
        final String key;

        Delivery(Channel channel, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
            this.channel = channel;
            this.tag = envelope.getDeliveryTag();
            this.envelope = envelope;
            this.properties = properties;
            this.body = body;
            this.message = new InboundMessage(body, properties.getMessageId(), properties.getType(),
                    properties.getCorrelationId(), properties.getTimestamp() == null ? null : properties.getTimestamp().toInstant(),
                    properties.getHeaders(), envelope.getExchange(), envelope.getRoutingKey());
            this.key = properties.getMessageId() != null ? "id:" + properties.getMessageId() : DeadLetterQueue.bodyKey(body);
        }
    }
}
