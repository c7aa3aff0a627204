package io.eventscope.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventscope.engine.event.EnvelopeJson;
import io.eventscope.engine.event.Json;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Prints one JSON line per version of a stream: {\"version\",\"event\",\"changes\"}, the changes "
                + "being RFC 6902 operations on the state; --states adds the state before and after.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:printed", "1:a stored event cannot be folded (the event is named)",
                "2:bad usage, no such stream, or a range outside it"})
final class HistoryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StreamQuery stream;

    @Option(names = "--from", paramLabel = "N", defaultValue = "1", description = "First version (default: 1).")
    long from;

    @Option(names = "--to", paramLabel = "M", description = "Last version (default: the stream's last).")
    Long to;

    @Option(names = "--states", description = "Also print the state before and after each event.")
    boolean states;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return stream.run((timeTravel, streamId) -> timeTravel.history(streamId, from, to == null ? Long.MAX_VALUE : to,
                step -> {
                    ObjectNode line = Json.object().put("version", step.event().version());
                    line.set("event", EnvelopeJson.toNode(step.event()));
                    line.set("changes", step.changes());
                    if (states) {
                        line.set("before", step.before());
                        line.set("after", step.after());
                    }
                    out.println(Json.write(line));
                }));
    }
}
