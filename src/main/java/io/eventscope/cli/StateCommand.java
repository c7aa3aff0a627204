package io.eventscope.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventscope.engine.domain.StreamState;
import io.eventscope.engine.event.Json;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

// No standard -V/--version: here --version is the stream version the command line names.
@Command(name = "state",
        description = {"Prints a stream's state at a version as JSON: "
                + "{\"streamId\",\"version\",\"streamLength\",\"foldedBy\",\"state\"}.",
                "Shop streams fold through their aggregate; any other stream merges its events' data "
                        + "(foldedBy is then null)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:printed", "1:a stored event cannot be folded (the event is named)",
                "2:bad usage, no such stream, or a version outside it"})
final class StateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StreamQuery stream;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--version", paramLabel = "N", description = "After the first N events (default: the last).")
    Long version;

    @Override
    public Integer call() {
        return stream.run((timeTravel, streamId) -> {
            StreamState state = version == null
                    ? timeTravel.currentState(streamId)
                    : timeTravel.stateAt(streamId, version);
            ObjectNode printed = Json.object()
                    .put("streamId", state.streamId())
                    .put("version", state.version())
                    .put("streamLength", state.streamLength())
                    .put("foldedBy", state.foldedBy());
            printed.set("state", state.state());
            spec.commandLine().getOut().println(Json.write(printed));
        });
    }
}
