package io.eventscope.cli;

import io.eventscope.engine.domain.Engine;
import io.eventscope.engine.domain.StateFoldException;
import io.eventscope.engine.domain.TimeTravel;
import java.util.function.BiConsumer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The store and stream that history and state read, and what their failures mean: a missing stream or a range
 * outside it is bad usage, an event that cannot be folded is a finding.
 */
final class StreamQuery {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Option(names = "--stream", required = true, paramLabel = "ID", description = "Stream id, e.g. order-o1.")
    String streamId;

    /** Runs the query on the shop engine over the chosen store and returns the exit code. */
    int run(BiConsumer<TimeTravel, String> query) {
        try (Engine engine = ShopEngine.open(store.spec)) {
            query.accept(engine.timeTravel(), streamId);
            return Cli.OK;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        } catch (StateFoldException e) {
            // What was printed before the failing event comes first, then the error naming it.
            spec.commandLine().getOut().flush();
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return Cli.FINDING;
        }
    }
}
