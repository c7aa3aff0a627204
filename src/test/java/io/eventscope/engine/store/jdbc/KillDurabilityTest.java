package io.eventscope.engine.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.store.AppendingChild;
import io.eventscope.engine.store.Direction;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.store.StoreVerifier;
import io.eventscope.engine.store.Stores;
import io.eventscope.engine.store.VerificationReport;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An append that returned survives kill -9: a child JVM appends and is killed mid-stream. */
class KillDurabilityTest {
    private static final int ACKS_BEFORE_KILL = 1_500;

    @Test
    void everyAcknowledgedAppendSurvivesKillingTheProcess(@TempDir Path dir) throws Exception {
        Path storePath = dir.resolve("durable");
        Process child = AppendingChild.start(storePath, dir.resolve("child.log"));
        List<Long> acked = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                acked.add(Long.parseLong(line.substring("acked ".length())));
                if (acked.size() == ACKS_BEFORE_KILL) {
                    // kill -9 through the handle, which, unlike Process.destroyForcibly, leaves
                    // our end of the pipe open: acks already written are still read.
                    child.toHandle().destroyForcibly();
                }
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(acked).as("acks before the kill; child log: %s", Files.readString(dir.resolve("child.log")))
                .hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL);

        try (OpenStore reopened = Stores.open(storePath.toString())) {
            long head = reopened.store().headPosition();
            assertThat(head).isGreaterThanOrEqualTo(acked.stream().mapToLong(Long::longValue).max().orElseThrow());
            for (long position : acked) {
                List<EventEnvelope> found = reopened.store().read(EventFilter.ALL, position, 1, Direction.FORWARDS);
                assertThat(found).as("acked position %d", position).extracting(EventEnvelope::position)
                        .containsExactly(position);
            }
            VerificationReport report = StoreVerifier.verify(reopened.store());
            assertThat(report.findings()).isEmpty();
            assertThat(report.sound()).isTrue();
            assertThat(report.events()).isEqualTo(head);
        }
    }
}
