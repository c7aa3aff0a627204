package io.eventscope.bridge;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Broker tests never pass silently without a broker: skipped with the reason outside CI, failed in CI. */
class TestBrokerTest {
    private static final String NOBODY = "amqp://guest:s3cret@127.0.0.1:1";

    @Test
    void withoutABrokerATestIsSkippedSayingWhyOutsideCi() {
        assertThatThrownBy(() -> TestBroker.required(NOBODY, false)).isInstanceOf(TestAbortedException.class)
                .hasMessageStartingWith("Skipped: no RabbitMQ broker answers at amqp://guest@127.0.0.1:1 (")
                .hasMessageEndingWith("start one with 'rabbitmq-server -detached'")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void withoutABrokerATestFailsInCi() {
        assertThatThrownBy(() -> TestBroker.required(NOBODY, true)).isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("CI is set, so the broker tests must run, but no RabbitMQ broker answers at");
    }
}
