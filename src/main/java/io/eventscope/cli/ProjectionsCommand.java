package io.eventscope.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.io.ProgressMonitor;
import io.eventscope.engine.projection.CheckReport;
import io.eventscope.engine.projection.ProjectionStatus;
import io.eventscope.engine.projection.ReadModels;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "projections", mixinStandardHelpOptions = true,
        description = "The read models: their status, a rebuild from zero, a shadow check. JSON out.")
final class ProjectionsCommand {
    /** {@code --store} given before the subcommand's name. */
    @Mixin
    StoreOption outerStore;

    @Spec
    CommandSpec spec;

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Each read model's state (LIVE, PAUSED, PARKED), generation, checkpoint, head, lag, parked"
                    + " position, last error and skipped events, as stored (this command applies nothing).")
    int status(@Mixin StoreOption store) {
        try (ReadSide side = ReadSide.open(store.orElse(outerStore))) {
            ArrayNode out = Json.MAPPER.createArrayNode();
            for (ProjectionStatus s : side.readModels().status()) {
                out.add(Json.object().put("name", s.name()).put("state", s.state().name())
                        .put("generation", s.generation()).put("checkpoint", s.checkpoint()).put("head", s.head())
                        .put("lag", s.lag()).put("parkedPosition", s.parkedPosition()).put("lastError", s.lastError())
                        .put("skipped", s.skipped()));
            }
            spec.commandLine().getOut().println(Json.write(out));
        }
        return Cli.OK;
    }

    @Command(name = "rebuild", mixinStandardHelpOptions = true,
            description = {"Rebuilds read models from position 1 into new tables and swaps them in when done; the old"
                    + " ones answer meanwhile. Progress goes to stderr.",
                    "Killed half way, the old read model stays; run it again."})
    int rebuild(@Mixin StoreOption store,
                @Parameters(arity = "0..1", paramLabel = "NAME", description = "One read model (default: all).") String name) {
        PrintWriter err = spec.commandLine().getErr();
        try (ReadSide side = ReadSide.open(store.orElse(outerStore))) {
            ReadModels models = side.readModels();
            ArrayNode out = Json.MAPPER.createArrayNode();
            for (String each : names(models, name)) {
                var report = models.rebuild(each, new ProgressMonitor() {
                    @Override
                    public void progress(long done, long total) {
                        err.println("rebuild " + each + ": " + done + "/" + total);
                    }

                    @Override
                    public boolean isCancelled() {
                        return false;
                    }
                });
                out.add(Json.MAPPER.valueToTree(report));
            }
            spec.commandLine().getOut().println(Json.write(out));
        }
        return Cli.OK;
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Brings read models up to the head, rebuilds each into a scratch schema and compares them"
                    + " row by row: is the projection deterministic?",
                    "Exit code 1 when any table differs."})
    int check(@Mixin StoreOption store,
              @Parameters(arity = "0..1", paramLabel = "NAME", description = "One read model (default: all).") String name) {
        try (ReadSide side = ReadSide.open(store.orElse(outerStore))) {
            ReadModels models = side.caughtUp();
            ArrayNode out = Json.MAPPER.createArrayNode();
            boolean equal = true;
            for (String each : names(models, name)) {
                CheckReport report = models.check(each, ProgressMonitor.NONE);
                equal &= report.equal();
                ObjectNode json = Json.MAPPER.valueToTree(report);
                out.add(json.put("equal", report.equal()));
            }
            spec.commandLine().getOut().println(Json.write(out));
            return equal ? Cli.OK : Cli.FINDING;
        }
    }

    private static List<String> names(ReadModels models, String name) {
        if (name == null) {
            return models.names();
        }
        models.status(name); // names the known ones when it is not one of them
        return List.of(name);
    }
}
