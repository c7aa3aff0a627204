package io.eventscope.cli;

import io.eventscope.engine.event.Json;
import io.eventscope.engine.saga.SagaStatus;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.shop.saga.SagaRecords;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "sagas", mixinStandardHelpOptions = true,
        description = "Prints the store's sagas as NDJSON, one saga per line in the order they started, with its"
                + " status and every step of its log (lane, kind, time, detail).")
final class SagasCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Option(names = "--outcome", paramLabel = "OUTCOME",
            description = "Only sagas that ended so: completed, compensated or needs-intervention (also running, compensating).")
    String outcome;

    @Override
    public Integer call() {
        SagaStatus status = null;
        if (outcome != null) {
            status = SagaStatus.ofLabel(outcome).orElse(null);
            if (status == null) {
                spec.commandLine().getErr().println("sagas: --outcome must be one of " + SagaStatus.labels()
                        + ", was '" + outcome + "'");
                return Cli.USAGE;
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        try (OpenStore opened = store.open()) {
            SagaRecords.forEach(opened.store(), status, saga -> out.println(Json.write(SagaRecords.toJson(saga))));
        }
        return Cli.OK;
    }
}
