package io.eventscope.cli;

import io.eventscope.bridge.BusDestination;
import io.eventscope.bridge.ConsumeReport;
import io.eventscope.bridge.ConsumerSettings;
import io.eventscope.bridge.Destination;
import io.eventscope.bridge.RabbitConsumer;
import io.eventscope.bridge.StoreDestination;
import io.eventscope.engine.bus.Backoff;
import io.eventscope.engine.bus.EventBus;
import io.eventscope.engine.bus.InMemoryDeadLetters;
import io.eventscope.engine.event.EnvelopeJson;
import io.eventscope.engine.event.EventEnvelope;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.shop.upcast.ShopUpcasters;
import java.io.PrintWriter;
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
                + " dead-letter exchange Q.dlx and queue Q.dlq when absent) into the store, or with --into bus onto an"
                + " event bus whose one handler prints each event as an NDJSON line. A redelivered event is recognised"
                + " by its event id and not taken twice; messages are acknowledged after the store commits or the"
                + " handler has handled them.",
                "Stops after --max new events or when --timeout passes. Prints a JSON summary: received, stored,"
                        + " delivered, duplicates, deadLettered."})
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

    @Option(names = "--into", paramLabel = "store|bus", defaultValue = "store",
            description = "Where the events go: the store (default) or the bus, which prints them and stores nothing.")
    String into;

    @Option(names = "--attempts", paramLabel = "N", defaultValue = "" + ConsumerSettings.DEFAULT_ATTEMPTS,
            description = "Attempts at storing a message before it is dead-lettered (default: ${DEFAULT-VALUE}).")
    int attempts;

    /** One line at a time: the bus's handler prints from its own thread. */
    private static synchronized void printed(PrintWriter out, Object value) {
        out.println(value instanceof EventEnvelope e ? EnvelopeJson.write(e) : Json.write(value));
        out.flush();
    }

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
        boolean ontoBus = switch (into) {
            case "store" -> false;
            case "bus" -> true;
            default -> throw new ParameterException(spec.commandLine(), "--into must be store or bus, was " + into);
        };
        PrintWriter out = spec.commandLine().getOut();
        try (OpenStore opened = store.open();
             EventBus bus = new EventBus(opened.store(), new InMemoryDeadLetters(), Backoff.DEFAULT)) {
            // The bus is not started: it carries only what the consumer hands it, not the store's own events.
            bus.subscribe("print", e -> printed(out, e));
            Destination destination = ontoBus ? new BusDestination(bus, ShopUpcasters.chain()) : new StoreDestination(opened.store());
            try (RabbitConsumer consumer = new RabbitConsumer(broker.address(), settings, destination)) {
                ConsumeReport report = consumer.run(max == null ? Long.MAX_VALUE : max,
                        Duration.ofSeconds(timeout == null ? FOREVER_SECONDS : timeout), () -> false, null);
                printed(out, report);
            }
        }
        return Cli.OK;
    }
}
