package io.eventscope.cli;

import io.eventscope.bridge.ConsumeReport;
import io.eventscope.bridge.ConsumerSettings;
import io.eventscope.bridge.RabbitConsumer;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.store.OpenStore;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "consume", mixinStandardHelpOptions = true,
        description = {"Consumes a queue bound to an exchange by a pattern (declaring exchange, queue, binding and the"
                + " dead-letter exchange Q.dlx and queue Q.dlq when absent) into the store. A redelivered event is"
                + " recognised by its event id and not stored twice; messages are acknowledged after the store commits.",
                "Stops after --max new events or when --timeout passes. Prints a JSON summary: received, stored,"
                        + " duplicates, deadLettered."})
final class RabbitConsumeCommand implements Callable<Integer> {
    /** "Until stopped": long enough, and still a Duration that converts to nanoseconds. */
    private static final long FOREVER_SECONDS = Duration.ofDays(3650).toSeconds();

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Mixin
    BrokerOption broker;

    @Option(names = "--exchange", required = true, paramLabel = "X", description = "The topic exchange.")
    String exchange;

    @Option(names = "--queue", required = true, paramLabel = "Q", description = "The durable queue to consume.")
    String queue;

    @Option(names = "--binding", required = true, paramLabel = "PATTERN",
            description = "Binding pattern of the queue to the exchange: order.* or #.")
    String binding;

    @Option(names = "--max", paramLabel = "N", description = "Stop after N new events.")
    Long max;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Stop when this many seconds have passed.")
    Long timeout;

    @Option(names = "--attempts", paramLabel = "N", defaultValue = "" + ConsumerSettings.DEFAULT_ATTEMPTS,
            description = "Attempts at storing a message before it is dead-lettered (default: ${DEFAULT-VALUE}).")
    int attempts;

    @Override
    public Integer call() {
        if (max != null && max < 1) {
            throw new ParameterException(spec.commandLine(), "--max must be at least 1, was " + max);
        }
        if (timeout != null && (timeout < 1 || timeout > FOREVER_SECONDS)) {
            throw new ParameterException(spec.commandLine(), "--timeout must be from 1 to " + FOREVER_SECONDS
                    + " seconds, was " + timeout);
        }
        ConsumerSettings settings;
        try {
            settings = new ConsumerSettings(exchange, queue, binding, attempts, ConsumerSettings.DEFAULT_BATCH);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        try (OpenStore opened = store.open();
             RabbitConsumer consumer = new RabbitConsumer(broker.address(), settings, opened.store())) {
            ConsumeReport report = consumer.run(max == null ? Long.MAX_VALUE : max,
                    Duration.ofSeconds(timeout == null ? FOREVER_SECONDS : timeout), () -> false, null);
            spec.commandLine().getOut().println(Json.write(report));
        }
        return Cli.OK;
    }
}
