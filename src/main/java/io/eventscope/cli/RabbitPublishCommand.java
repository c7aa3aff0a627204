package io.eventscope.cli;

import io.eventscope.bridge.PublishCheckpoints;
import io.eventscope.bridge.PublishReport;
import io.eventscope.bridge.RabbitPublisher;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.store.OpenStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Publishes the store's events to a durable topic exchange (declared when absent), routing key"
                + " <aggregatetype>.<eventtype> in lower case, the envelope JSON as the body, with publisher confirms.",
                "Resumes after the last position the broker confirmed (kept in the store), or from --from-position.",
                "Prints a JSON summary: published, fromPosition, lastPosition."})
final class RabbitPublishCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Mixin
    BrokerOption broker;

    @Option(names = "--exchange", required = true, paramLabel = "X", description = "The topic exchange.")
    String exchange;

    @Option(names = "--from-position", paramLabel = "P",
            description = "Publish from this position (inclusive) instead of after the checkpoint.")
    Long fromPosition;

    @Override
    public Integer call() {
        if (fromPosition != null && fromPosition < 1) {
            throw new ParameterException(spec.commandLine(), "--from-position must be at least 1, was " + fromPosition);
        }
        try (OpenStore opened = store.open();
             RabbitPublisher publisher = new RabbitPublisher(broker.address(), exchange)) {
            PublishReport report = publisher.publishLog(opened.store(), PublishCheckpoints.of(opened), fromPosition,
                    () -> false, position -> { });
            spec.commandLine().getOut().println(Json.write(report));
        }
        return Cli.OK;
    }
}
