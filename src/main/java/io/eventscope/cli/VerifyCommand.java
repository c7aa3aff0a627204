package io.eventscope.cli;

import io.eventscope.engine.domain.CommandJournal;
import io.eventscope.engine.domain.JdbcCommandJournal;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.store.StoreVerifier;
import io.eventscope.engine.store.VerificationReport;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Checks that stream versions are contiguous, positions strictly increase without gaps and"
                + " event ids are unique, and lists causation ids that point at neither a stored event nor a journaled"
                + " command.",
                "Prints the report as one JSON object."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the store is sound (dangling causations are listed, not failures)",
                "1:findings: the report lists them", "2:bad usage, or the store cannot be opened"})
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Override
    public Integer call() {
        try (OpenStore opened = store.open()) {
            VerificationReport report = StoreVerifier.verify(opened.store(), journaledCommand(opened));
            spec.commandLine().getOut().println(Json.write(report));
            return report.sound() ? Cli.OK : Cli.FINDING;
        }
    }

    /** A causation id naming a command the journal kept is not dangling: that command is the chain's root. */
    private static Predicate<String> journaledCommand(OpenStore opened) {
        if (opened.inMemory()) {
            return id -> false;
        }
        CommandJournal journal = new JdbcCommandJournal(opened.database());
        return id -> journal.byCommandId(id).isPresent();
    }
}
