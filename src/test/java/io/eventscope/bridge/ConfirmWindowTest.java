package io.eventscope.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.ShutdownSignalException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The publisher's window of unconfirmed messages, fed confirms as the broker might send them; no broker needed. */
class ConfirmWindowTest {
    private static final long WAIT_MS = 5_000;

    @Test
    void theConfirmedMarkIsTheLastOfAnUnbrokenRunOfConfirmsHoweverTheyArrive() throws Exception {
        ConfirmWindow window = new ConfirmWindow(10, 1, 100);
        for (long seq = 1; seq <= 5; seq++) {
            window.add(seq, 100 + seq, WAIT_MS);
        }
        assertThat(window.confirmedMark()).as("nothing confirmed yet: where it started").isEqualTo(100);

        window.handleAck(2, false);
        window.handleAck(4, false);
        assertThat(window.confirmedMark()).as("1 is not confirmed, so neither is anything after it").isEqualTo(100);

        window.handleAck(1, false);
        assertThat(window.confirmedMark()).isEqualTo(102);
        assertThat(window.confirmedCount()).isEqualTo(2);

        window.handleAck(3, true);
        assertThat(window.confirmedMark()).as("3 confirmed, and 4 before it").isEqualTo(104);

        window.handleAck(5, true);
        window.awaitAll(WAIT_MS);
        assertThat(window.confirmedMark()).isEqualTo(105);
        assertThat(window.confirmedCount()).isEqualTo(5);
    }

    @Test
    void aFullWindowWaitsForRoomAndItsSlotsAreReusedInOrder() throws Exception {
        ConfirmWindow window = new ConfirmWindow(3, 7, 0);
        window.add(7, 1, WAIT_MS);
        window.add(8, 2, WAIT_MS);
        window.add(9, 3, WAIT_MS);
        CompletableFuture<Void> fourth = CompletableFuture.runAsync(() -> {
            try {
                window.add(10, 4, WAIT_MS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200);
        assertThat(fourth).as("three out, none confirmed: no room").isNotDone();

        window.handleAck(7, false);
        fourth.get(WAIT_MS, TimeUnit.MILLISECONDS);
        window.handleAck(10, true);
        assertThat(window.confirmedMark()).isEqualTo(4);
        assertThatThrownBy(() -> window.add(12, 5, WAIT_MS)).as("sequence 11 went out past the window")
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("expected 11");
    }

    @Test
    void aNackAClosedChannelOrNoConfirmAtAllEndsTheWaitWithTheReason() throws Exception {
        ConfirmWindow nacked = new ConfirmWindow(5, 1, 0);
        nacked.add(1, 41, WAIT_MS);
        nacked.add(2, 42, WAIT_MS);
        nacked.handleAck(1, false);
        nacked.handleNack(2, false);
        assertThatThrownBy(() -> nacked.awaitAll(WAIT_MS)).isInstanceOf(BrokerUnavailableException.class)
                .hasMessageContaining("marked 42");
        assertThat(nacked.confirmedMark()).isEqualTo(41);

        ConfirmWindow closed = new ConfirmWindow(5, 1, 0);
        closed.add(1, 1, WAIT_MS);
        ShutdownSignalException gone = new ShutdownSignalException(true, false, null, null);
        closed.shutdownCompleted(gone);
        assertThatThrownBy(() -> closed.add(2, 2, WAIT_MS)).as("room left, but the channel is gone").isSameAs(gone);

        ConfirmWindow silent = new ConfirmWindow(5, 1, 0);
        silent.add(1, 1, WAIT_MS);
        assertThatThrownBy(() -> silent.awaitAll(50)).isInstanceOf(TimeoutException.class)
                .hasMessageContaining("1 messages outstanding");
    }
}
