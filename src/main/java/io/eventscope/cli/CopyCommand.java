package io.eventscope.cli;

import io.eventscope.engine.domain.CommandJournal;
import io.eventscope.engine.domain.InMemoryCommandJournal;
import io.eventscope.engine.domain.JdbcCommandJournal;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.io.ProgressMonitor;
import io.eventscope.engine.io.StoreCopy;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.store.Stores;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "copy", mixinStandardHelpOptions = true,
        description = {"Copies a store into an empty one, between backends (an H2 file and PostgreSQL, either way):"
                + " every event as stored at the same position, then the command journal. The exports of both are"
                + " then byte-identical.",
                "Progress goes to stderr; a summary {\"events\":N,\"commands\":M,\"cancelled\":false} to stdout. A copy that stopped"
                + " halfway is finished by running it again."})
final class CopyCommand implements Callable<Integer> {
    /** A progress line at most this often, in events. */
    private static final long REPORT_EVERY = 50_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "S", description = "The store to copy (as for --store).")
    String from;

    @Option(names = "--to", required = true, paramLabel = "S",
            description = "The store to copy into, made when missing; it must be empty (or a copy that stopped).")
    String to;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try (OpenStore source = Stores.open(from); OpenStore target = Stores.open(to)) {
            StoreCopy.Report report = new StoreCopy(source.store(), journal(source), target.store(), journal(target))
                    .copy(new ProgressMonitor() {
                        private long reported;

                        @Override
                        public void progress(long done, long total) {
                            if (done - reported >= REPORT_EVERY || done == total) {
                                err.println("copy: " + done + " of " + total + " events");
                                reported = done;
                            }
                        }

                        @Override
                        public boolean isCancelled() {
                            return false;
                        }
                    });
            FilterIndexWait.awaitIndexed(target.store());
            spec.commandLine().getOut().println(Json.write(report));
            err.println("copied " + report.events() + " events and " + report.commands() + " journaled commands from "
                    + source.store().describe() + " to " + target.store().describe());
            return Cli.OK;
        }
    }

    private static CommandJournal journal(OpenStore open) {
        return open.inMemory() ? new InMemoryCommandJournal() : new JdbcCommandJournal(open.database());
    }
}
