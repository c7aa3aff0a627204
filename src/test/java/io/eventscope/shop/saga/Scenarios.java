package io.eventscope.shop.saga;

import io.eventscope.engine.saga.ServiceFaults;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Small worlds for saga tests: one SKU, one item per order, services that fail only where told. */
final class Scenarios {
    static final ServiceFaults STEADY = new ServiceFaults(0, Set.of(), 10, 10, 0, 0);

    private Scenarios() {
    }

    /** One SKU "mug" at 12.50 with {@code stock} units; every service answers after 10 ms unless {@code faults} says otherwise. */
    static Scenario oneSku(int stock, Map<String, ServiceFaults> faults) {
        Map<String, ServiceFaults> services = new LinkedHashMap<>();
        for (String s : Scenario.SERVICES) {
            services.put(s, faults.getOrDefault(s, STEADY));
        }
        Scenario d = Scenario.DEFAULT;
        return new Scenario("test", d.start(), d.arrivalInterval(), d.stepTimeout(), d.compensationRetry(),
                Map.of("mug", new Product(new BigDecimal("12.50"), stock)), 3, new BigDecimal("1000.00"), 1, services);
    }

    static ServiceFaults failsFirstCall() {
        return new ServiceFaults(0, Set.of(1), 10, 10, 0, 0);
    }

    static ServiceFaults neverAnswers() {
        return new ServiceFaults(0, Set.of(), 10, 10, 1, 0);
    }

    static ServiceFaults neverCompensates() {
        return new ServiceFaults(0, Set.of(), 10, 10, 0, 1);
    }
}
