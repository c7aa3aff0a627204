package io.eventscope.shop.saga;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.engine.io.ProgressMonitor;
import io.eventscope.engine.saga.SagaStatus;
import io.eventscope.engine.saga.ServiceFaults;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Whatever fails, and however often: stock and money are conserved and every saga ends. */
class SimulationProperties {

    @Property(tries = 40)
    void invariants_hold_after_random_batches(@ForAll("scenarios") Scenario scenario, @ForAll SagaMode mode,
                                              @ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int orders) {
        SimulationRun run = new Simulation(scenario, mode, seed).run(orders, ProgressMonitor.NONE);

        assertThat(run.invariants()).allMatch(Invariant::holds, "every invariant holds");
        assertThat(run.sagas()).hasSize(orders).allMatch(s -> s.status().isFinal());
        assertThat(run.count(SagaStatus.COMPLETED) + run.count(SagaStatus.COMPENSATED)
                + run.count(SagaStatus.NEEDS_INTERVENTION)).isEqualTo(orders);
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<ServiceFaults> faults = Combinators.combine(
                Arbitraries.doubles().between(0, 0.6), Arbitraries.integers().between(1, 20).set().ofMaxSize(3),
                Arbitraries.longs().between(0, 3000), Arbitraries.doubles().between(0, 0.2),
                Arbitraries.doubles().between(0, 0.7))
                .as((fail, calls, latency, hang, comp) -> new ServiceFaults(fail, calls, latency / 3, latency, hang, comp));
        Arbitrary<Integer> stock = Arbitraries.integers().between(0, 30);
        return Combinators.combine(faults, faults, faults, stock, stock, Arbitraries.integers().between(1, 2),
                Arbitraries.integers().between(10, 200))
                .as((inventory, payment, shipping, mugs, tees, maxItems, balance) -> {
                    Map<String, ServiceFaults> services = new LinkedHashMap<>();
                    services.put("inventory", inventory);
                    services.put("payment", payment);
                    services.put("shipping", shipping);
                    Scenario d = Scenario.DEFAULT;
                    // Little stock and small balances, so stock-outs and declined cards happen too.
                    return new Scenario("random", d.start(), d.arrivalInterval(), d.stepTimeout(), d.compensationRetry(),
                            Map.of("mug", new Product(new BigDecimal("12.50"), mugs),
                                    "tee", new Product(new BigDecimal("19.90"), tees)),
                            3, new BigDecimal(balance), maxItems, services);
                });
    }

}
