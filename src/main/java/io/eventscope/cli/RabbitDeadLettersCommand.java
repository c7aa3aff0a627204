package io.eventscope.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventscope.bridge.DeadLetterQueue;
import io.eventscope.engine.event.Json;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "dead-letters", mixinStandardHelpOptions = true,
        description = {"Lists the dead letters of a consumer queue Q (they wait in Q.dlq, each with the reason and the"
                + " attempts made) as a JSON array, or retries one (back to the exchange and routing key it came by) or"
                + " discards one, by its id. Exit 1 when no letter has that id."})
final class RabbitDeadLettersCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    BrokerOption broker;

    @Option(names = "--queue", required = true, paramLabel = "Q", description = "The consumer queue whose dead letters to see.")
    String queue;

    @ArgGroup(exclusive = true)
    Action action;

    static final class Action {
        @Option(names = "--retry", paramLabel = "ID", description = "Send this letter back where it came from.")
        String retry;

        @Option(names = "--discard", paramLabel = "ID", description = "Remove this letter for good.")
        String discard;
    }

    @Override
    public Integer call() {
        try (DeadLetterQueue letters = new DeadLetterQueue(broker.address(), queue)) {
            if (action == null) {
                spec.commandLine().getOut().println(Json.write(letters.list()));
                return Cli.OK;
            }
            String id = action.retry != null ? action.retry : action.discard;
            boolean done = action.retry != null ? letters.retry(id) : letters.discard(id);
            if (!done) {
                spec.commandLine().getErr().println("error: no dead letter with id " + id + " in queue "
                        + DeadLetterQueue.queueFor(queue));
                return Cli.FINDING;
            }
            ObjectNode result = Json.object();
            result.put(action.retry != null ? "retried" : "discarded", id);
            spec.commandLine().getOut().println(Json.write(result));
            return Cli.OK;
        }
    }
}
