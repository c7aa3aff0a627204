package io.eventscope.bridge;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ShutdownSignalException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * How the bridge declares the queues it creates (a consumer's queue and its dead-letter
 * queue): durable classic queues that write their messages to disk as they come instead of
 * also holding them in memory (lazy), which is how RabbitMQ 3.12 and later run every classic
 * queue (they ignore the argument). Before 3.12 a queue that holds its messages in memory
 * spends, once it is long, about as much of the broker's CPU collecting garbage as taking
 * them. A queue that already exists is used as it is, whoever declared it and however: the
 * broker refuses to redeclare a queue with other arguments.
 */
public final class BridgeQueues {
    /** The arguments of a queue the bridge creates. */
    public static final Map<String, Object> ARGUMENTS = Map.of("x-queue-mode", "lazy");
    private static final int NOT_FOUND = 404;

    private BridgeQueues() {
    }

    /** The queue as it is when it exists, else declared durable with {@link #ARGUMENTS}. */
    public static AMQP.Queue.DeclareOk declareWhenAbsent(Channel ch, String queue) throws IOException {
        // the broker closes the channel a passive declaration of a missing queue was made on, so ask on a channel of its own
        Channel probe = ch.getConnection().createChannel();
        try {
            AMQP.Queue.DeclareOk existing = probe.queueDeclarePassive(queue);
            close(probe);
            return existing;
        } catch (IOException e) {
            if (!(e.getCause() instanceof ShutdownSignalException signal) || !isNotFound(signal)) {
                throw e;
            }
        }
        return ch.queueDeclare(queue, true, false, false, ARGUMENTS);
    }

    private static boolean isNotFound(ShutdownSignalException signal) {
        return !signal.isHardError() && signal.getReason() instanceof AMQP.Channel.Close close
                && close.getReplyCode() == NOT_FOUND;
    }

    private static void close(Channel probe) throws IOException {
        try {
            probe.close();
        } catch (TimeoutException e) {
            throw new IOException("the broker did not close a channel in time", e);
        }
    }
}
