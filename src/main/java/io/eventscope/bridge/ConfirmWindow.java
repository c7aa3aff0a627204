package io.eventscope.bridge;

import com.rabbitmq.client.ConfirmListener;
import com.rabbitmq.client.ShutdownListener;
import com.rabbitmq.client.ShutdownSignalException;
import java.util.concurrent.TimeoutException;

/**
 * The messages a channel in confirm mode has sent and the broker not yet confirmed, at most
 * {@code capacity} of them. Each carries a mark (a position in the log, an index in a list);
 * the window knows the highest mark up to which every message is confirmed, however the
 * broker's confirms arrive, so a publisher can checkpoint it and resend only what follows.
 * The publisher's thread adds and waits; the client's thread confirms (the window listens to
 * the channel's confirms and shutdown); a closed channel or a nack wakes the waiting thread
 * with the failure.
 */
final class ConfirmWindow implements ConfirmListener, ShutdownListener {
    private final long[] marks;
    private final boolean[] confirmed;
    /** The channel's publish sequence number of the oldest message in the window. */
    private long firstSeq;
    private int size;
    private long confirmedMark;
    private long confirmedCount;
    private RuntimeException failure;

    /**
     * A window whose first message will have the channel's publish sequence number
     * {@code firstSeq}; its confirmed mark is {@code confirmedMark} until one is confirmed.
     */
    ConfirmWindow(int capacity, long firstSeq, long confirmedMark) {
        this.marks = new long[capacity];
        this.confirmed = new boolean[capacity];
        this.firstSeq = firstSeq;
        this.confirmedMark = confirmedMark;
    }

    /**
     * Waits for room (at most {@code timeoutMs} without a confirm), then takes the message the
     * caller publishes next, as sequence number {@code seq}: every message of the channel goes
     * through the window, in order.
     */
    synchronized void add(long seq, long mark, long timeoutMs) throws TimeoutException, InterruptedException {
        awaitAtMost(marks.length - 1, timeoutMs);
        if (seq != firstSeq + size) {
            throw new IllegalStateException("a message went out on the channel past the window: sequence " + seq
                    + ", expected " + (firstSeq + size));
        }
        int slot = slot(seq);
        marks[slot] = mark;
        confirmed[slot] = false;
        size++;
    }

    /** Waits until the broker has confirmed every message taken. */
    synchronized void awaitAll(long timeoutMs) throws TimeoutException, InterruptedException {
        awaitAtMost(0, timeoutMs);
    }

    /** The highest mark with every message up to it confirmed. */
    synchronized long confirmedMark() {
        return confirmedMark;
    }

    /** Messages confirmed in order so far: those up to {@link #confirmedMark}. */
    synchronized long confirmedCount() {
        return confirmedCount;
    }

    @Override
    public synchronized void handleAck(long deliveryTag, boolean multiple) {
        long from = multiple ? firstSeq : deliveryTag;
        for (long seq = Math.max(from, firstSeq); seq <= deliveryTag && seq < firstSeq + size; seq++) {
            confirmed[slot(seq)] = true;
        }
        while (size > 0 && confirmed[slot(firstSeq)]) {
            confirmedMark = marks[slot(firstSeq)];
            confirmedCount++;
            firstSeq++;
            size--;
        }
        notifyAll();
    }

    @Override
    public synchronized void handleNack(long deliveryTag, boolean multiple) {
        long seq = multiple ? firstSeq : deliveryTag;
        String what = seq >= firstSeq && seq < firstSeq + size ? "the message marked " + marks[slot(seq)] : "a message";
        failure = new BrokerUnavailableException("the broker could not take " + what + " (nack)", null);
        notifyAll();
    }

    @Override
    public synchronized void shutdownCompleted(ShutdownSignalException cause) {
        failure = cause;
        notifyAll();
    }

    private void awaitAtMost(int outstanding, long timeoutMs) throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        long seenCount = confirmedCount;
        while (size > outstanding) {
            if (failure != null) {
                throw failure;
            }
            if (confirmedCount != seenCount) {
                seenCount = confirmedCount;
                deadline = System.nanoTime() + timeoutMs * 1_000_000;
            }
            long waitMs = (deadline - System.nanoTime()) / 1_000_000;
            if (waitMs <= 0) {
                throw new TimeoutException("no confirm from the broker for " + timeoutMs + " ms with " + size
                        + " messages outstanding");
            }
            wait(waitMs);
        }
        if (failure != null) {
            throw failure;
        }
    }

    private int slot(long seq) {
        return (int) (seq % marks.length);
    }
}
