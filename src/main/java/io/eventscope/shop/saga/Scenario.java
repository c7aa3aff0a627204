package io.eventscope.shop.saga;

import io.eventscope.engine.bus.Backoff;
import io.eventscope.engine.saga.ServiceFaults;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A simulated world: the catalog with its stock, the customers with their balances, how
 * often orders arrive, how long a saga waits for a service, how compensations are retried, and
 * how each service (inventory, payment, shipping) misbehaves. Read from JSON by
 * {@link ScenarioReader}; the format is in sample-data/scenarios/README.md.
 */
public record Scenario(String name, Instant start, Duration arrivalInterval, Duration stepTimeout,
                       Backoff compensationRetry, Map<String, Product> catalog, int customers,
                       BigDecimal customerBalance, int maxItemsPerOrder, Map<String, ServiceFaults> services) {

    public static final String[] SERVICES = {"inventory", "payment", "shipping"};

    public static final Scenario DEFAULT = new Scenario("default", Instant.parse("2026-11-23T09:00:00Z"),
            Duration.ofMillis(250), Duration.ofSeconds(2),
            new Backoff(4, Duration.ofMillis(500), 2.0, Duration.ofSeconds(10)),
            Map.of("mug", new Product(new BigDecimal("12.50"), 100_000), "tee", new Product(new BigDecimal("19.90"), 100_000),
                    "poster", new Product(new BigDecimal("7.00"), 100_000)),
            50, new BigDecimal("100000.00"), 3,
            Map.of("inventory", ServiceFaults.NONE, "payment", ServiceFaults.NONE, "shipping", ServiceFaults.NONE));

    public Scenario {
        // Sorted, so every run walks the catalog in the same order.
        catalog = Collections.unmodifiableSortedMap(new TreeMap<>(catalog));
        services = Collections.unmodifiableSortedMap(new TreeMap<>(services));
    }

    public ServiceFaults faults(String service) {
        return services.getOrDefault(service, ServiceFaults.NONE);
    }

    /**
     * The same world with other failure probabilities, as {@code --fail payment=0.2,compensation=0.01}
     * gives them: a service name sets that service's, {@code compensation} every service's
     * compensation failures.
     */
    public Scenario withFailures(Map<String, Double> failures) {
        Map<String, ServiceFaults> changed = new LinkedHashMap<>();
        for (String service : SERVICES) {
            ServiceFaults faults = faults(service);
            if (failures.containsKey(service)) {
                faults = faults.withFailureProbability(failures.get(service));
            }
            if (failures.containsKey("compensation")) {
                faults = faults.withCompensationFailureProbability(failures.get("compensation"));
            }
            changed.put(service, faults);
        }
        return new Scenario(name, start, arrivalInterval, stepTimeout, compensationRetry, catalog, customers,
                customerBalance, maxItemsPerOrder, changed);
    }
}
