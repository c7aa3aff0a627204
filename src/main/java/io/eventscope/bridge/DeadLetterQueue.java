package io.eventscope.bridge;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

/**
 * The dead letters of one consumer queue Q: the fanout exchange {@code Q.dlx} and the queue
 * {@code Q.dlq} behind it. Each letter carries headers saying why it is there; listing reads
 * them without taking them away, retry sends a letter back to the exchange and routing key it
 * first came by (then removes it), discard removes it.
 */
public final class DeadLetterQueue implements AutoCloseable {
    static final String ID = "x-eventscope-dead-letter-id";
    static final String REASON = "x-eventscope-reason";
    static final String ATTEMPTS = "x-eventscope-attempts";
    static final String EXCHANGE = "x-eventscope-exchange";
    static final String ROUTING_KEY = "x-eventscope-routing-key";
    static final String QUEUE = "x-eventscope-queue";
    static final String AT = "x-eventscope-dead-lettered-at";
    /** Listing holds every letter it reads unacknowledged until the channel closes, so it reads at most this many. */
    static final int MAX_LISTED = 10_000;
    private static final List<String> MARKS = List.of(ID, REASON, ATTEMPTS, EXCHANGE, ROUTING_KEY, QUEUE, AT);

    private final BrokerAddress broker;
    private final String queue;
    private final BrokerConnection connection;

    public DeadLetterQueue(BrokerAddress broker, String queue) {
        this.broker = broker;
        this.queue = queue;
        this.connection = new BrokerConnection(broker, "eventscope-dead-letters " + queue, BrokerConnection.RECONNECT);
    }

    public static String exchangeFor(String queue) {
        return queue + ".dlx";
    }

    public static String queueFor(String queue) {
        return queue + ".dlq";
    }

    /** Every letter, oldest first; they stay in the queue. */
    public List<DeadLetter> list() {
        return withLetters(letters -> letters.stream().map(Taken::letter).toList());
    }

    /** Sends the letter back where it came from; false when no letter has that id. */
    public boolean retry(String id) {
        return Boolean.TRUE.equals(withLetters(letters -> {
            Taken letter = find(letters, id);
            if (letter == null) {
                return false;
            }
            Channel ch = letter.channel;
            ch.confirmSelect();
            ch.basicPublish(letter.letter.exchange(), letter.letter.routingKey(), unmarked(letter.response.getProps()),
                    letter.response.getBody());
            ch.waitForConfirmsOrDie(30_000);
            ch.basicAck(letter.response.getEnvelope().getDeliveryTag(), false);
            return true;
        }));
    }

    /** Removes the letter for good; false when no letter has that id. */
    public boolean discard(String id) {
        return Boolean.TRUE.equals(withLetters(letters -> {
            Taken letter = find(letters, id);
            if (letter == null) {
                return false;
            }
            letter.channel.basicAck(letter.response.getEnvelope().getDeliveryTag(), false);
            return true;
        }));
    }

    /** The properties of a message being dead-lettered, with the marks that say why. */
    static AMQP.BasicProperties marked(AMQP.BasicProperties original, String reason, int attempts, String exchange,
                                       String routingKey, String queue) {
        Map<String, Object> headers = original.getHeaders() == null ? new HashMap<>() : new HashMap<>(original.getHeaders());
        headers.put(ID, UUID.randomUUID().toString());
        headers.put(REASON, reason);
        headers.put(ATTEMPTS, attempts);
        headers.put(EXCHANGE, exchange);
        headers.put(ROUTING_KEY, routingKey);
        headers.put(QUEUE, queue);
        headers.put(AT, Instant.now().toString());
        return original.builder().headers(headers).build();
    }

    static String bodyKey(byte[] body) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static AMQP.BasicProperties unmarked(AMQP.BasicProperties props) {
        Map<String, Object> headers = props.getHeaders() == null ? new HashMap<>() : new HashMap<>(props.getHeaders());
        MARKS.forEach(headers::remove);
        return props.builder().headers(headers).build();
    }

    private interface LetterWork<T> {
        T apply(List<Taken> letters) throws IOException, TimeoutException, InterruptedException;
    }

    private record Taken(Channel channel, GetResponse response, DeadLetter letter) {
    }

    /**
     * Takes every letter unacknowledged, lets the work act on them, then closes the channel: the
     * broker puts back whatever was not acknowledged, in its place.
     */
    private <T> T withLetters(LetterWork<T> work) {
        Channel ch = connection.open();
        try {
            ch.exchangeDeclare(exchangeFor(queue), BuiltinExchangeType.FANOUT, true);
            long count = BridgeQueues.declareWhenAbsent(ch, queueFor(queue)).getMessageCount();
            ch.queueBind(queueFor(queue), exchangeFor(queue), "");
            List<Taken> letters = new ArrayList<>();
            for (long i = 0; i < Math.min(count, MAX_LISTED); i++) {
                GetResponse response = ch.basicGet(queueFor(queue), false);
                if (response == null) {
                    break;
                }
                letters.add(new Taken(ch, response, letter(response)));
            }
            return work.apply(letters);
        } catch (IOException | TimeoutException | RuntimeException e) {
            throw new BrokerUnavailableException("Could not read the dead-letter queue '" + queueFor(queue) + "' at "
                    + broker + ": " + BrokerConnection.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException("Interrupted while reading dead letters", e);
        } finally {
            connection.close();
        }
    }

    private static DeadLetter letter(GetResponse response) {
        AMQP.BasicProperties props = response.getProps();
        Map<String, Object> headers = props.getHeaders() == null ? Map.of() : props.getHeaders();
        String id = text(headers, ID);
        Object attempts = headers.get(ATTEMPTS);
        String at = text(headers, AT);
        return new DeadLetter(id != null ? id : bodyKey(response.getBody()), text(headers, REASON),
                attempts instanceof Number n ? n.intValue() : 0, text(headers, EXCHANGE), text(headers, ROUTING_KEY),
                text(headers, QUEUE), props.getMessageId(), at == null ? null : Instant.parse(at),
                new String(response.getBody(), StandardCharsets.UTF_8));
    }

    private static String text(Map<String, Object> headers, String name) {
        Object value = headers.get(name);
        return value == null ? null : value.toString();
    }

    private static Taken find(List<Taken> letters, String id) {
        return letters.stream().filter(t -> t.letter.id().equals(id)).findFirst().orElse(null);
    }

    @Override
    public void close() {
        connection.close();
    }
}
