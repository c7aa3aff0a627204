package io.eventscope.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.NewEvent;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A subscription whose store cannot be read for a while (a database server restarting) goes on where it was. */
class CatchUpSubscriptionTest {
    @Test
    void readsThatFailForAWhileAreTriedAgainAndDeliveryGoesOnWithoutGapOrRepeat() throws Exception {
        try (InMemoryEventStore real = new InMemoryEventStore()) {
            real.append("s-1", ExpectedVersion.ANY, List.of(event(1), event(2)));
            AtomicInteger failuresLeft = new AtomicInteger(2);
            EventStore flaky = (EventStore) Proxy.newProxyInstance(EventStore.class.getClassLoader(),
                    new Class<?>[] {EventStore.class}, (proxy, method, args) -> {
                        if (method.getName().equals("read") && failuresLeft.getAndDecrement() > 0) {
                            throw new EventStoreException("Could not read the event log: the server is restarting");
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            List<EventEnvelope> seen = new CopyOnWriteArrayList<>();
            try (Subscription s = CatchUpSubscription.start(flaky, 1, seen::add)) {
                await(() -> seen.size() == 2);
                real.append("s-1", ExpectedVersion.ANY, List.of(event(3)));
                await(() -> seen.size() == 3);
                assertThat(seen).extracting(EventEnvelope::position).containsExactly(1L, 2L, 3L);
            }
        }
    }

    private static NewEvent event(int i) {
        return NewEvent.of("E", Json.object().put("i", i), null);
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within 20 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
