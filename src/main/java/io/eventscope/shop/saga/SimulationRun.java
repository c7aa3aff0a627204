package io.eventscope.shop.saga;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventscope.engine.domain.CommandJournal;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.StreamIds;
import io.eventscope.engine.io.ProgressMonitor;
import io.eventscope.engine.saga.RunWriter;
import io.eventscope.engine.saga.SagaStatus;
import io.eventscope.engine.store.EventFilter;
import io.eventscope.engine.store.EventStore;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A finished (or cancelled) simulation: its events and journal, still in memory until
 * {@link SimulationWriter} stores them, the sagas with their outcomes, and what the simulated
 * services hold at the end.
 */
public record SimulationRun(String runId, SagaMode mode, long seed, Scenario scenario, EventStore store,
                            CommandJournal journal, List<SagaSummary> sagas, Map<String, BigDecimal> balances,
                            List<String> customers, long commands, boolean cancelled) {

    /** True when the target already has this run's streams: a run is stored once, in new streams only. */
    public boolean alreadyStoredIn(EventStore target) {
        String firstSku = scenario.catalog().keySet().iterator().next();
        return target.streamVersion(StreamIds.of("inventory", runId + "-" + firstSku)) > 0
                || !sagas.isEmpty() && target.streamVersion(sagas.get(0).streamId()) > 0;
    }

    /** Writes the run's journal and events into a store; returns the number of events written. */
    public long storeInto(EventStore target, CommandJournal targetJournal, ProgressMonitor progress) {
        return RunWriter.write(store, journal, target, targetJournal, progress);
    }

    public long count(SagaStatus status) {
        return sagas.stream().filter(s -> s.status() == status).count();
    }

    public List<Invariant> invariants() {
        return Invariants.check(this);
    }

    /** Virtual latencies of the ended sagas in milliseconds, at the 50th, 90th and 99th percentile and the maximum. */
    public long[] latencyPercentiles() {
        long[] ms = sagas.stream().filter(s -> s.status().isFinal()).mapToLong(s -> s.latency().toMillis()).sorted().toArray();
        if (ms.length == 0) {
            return new long[] {0, 0, 0, 0};
        }
        return new long[] {rank(ms, 0.50), rank(ms, 0.90), rank(ms, 0.99), ms[ms.length - 1]};
    }

    /** The summary the command line prints: the same for the same scenario, mode and seed, byte for byte. */
    public ObjectNode summary() {
        ObjectNode s = Json.object();
        s.put("scenario", scenario.name());
        s.put("mode", mode.label());
        s.put("seed", seed);
        s.put("runId", runId);
        s.put("orders", sagas.size());
        s.put("completed", count(SagaStatus.COMPLETED));
        s.put("compensated", count(SagaStatus.COMPENSATED));
        s.put("needsIntervention", count(SagaStatus.NEEDS_INTERVENTION));
        s.put("unfinished", sagas.stream().filter(x -> !x.status().isFinal()).count());
        s.put("steps", sagas.stream().mapToLong(SagaSummary::calls).sum());
        s.put("compensations", sagas.stream().mapToLong(SagaSummary::compensations).sum());
        s.put("commands", commands);
        s.put("events", store.count(EventFilter.ALL));
        long[] p = latencyPercentiles();
        s.putObject("latencyMs").put("p50", p[0]).put("p90", p[1]).put("p99", p[2]).put("max", p[3]);
        List<Invariant> invariants = invariants();
        s.put("invariantsHold", invariants.stream().allMatch(Invariant::holds));
        ArrayNode checks = s.putArray("invariants");
        for (Invariant i : invariants) {
            ObjectNode check = checks.addObject().put("name", i.name()).put("holds", i.holds());
            if (!i.holds()) {
                ArrayNode violations = check.putArray("violations");
                i.violations().forEach(violations::add);
            }
        }
        return s;
    }

    private static long rank(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
    }
}
