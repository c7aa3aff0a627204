package io.eventscope.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventscope.engine.domain.Engine;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.io.CaseExporter;
import io.eventscope.engine.io.CaseImportReport;
import io.eventscope.engine.io.CaseImporter;
import io.eventscope.engine.io.CaseVerifier;
import io.eventscope.engine.io.DamagedCaseException;
import io.eventscope.engine.io.ProgressMonitor;
import io.eventscope.engine.io.VerifiedCase;
import io.eventscope.shop.upcast.ShopUpcasters;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "case", mixinStandardHelpOptions = true,
        description = "Case files (.escase, a zip): hand a bug over whole, its events as stored, their commands, "
                + "the upcasters in use and a manifest with the sha256 of every part.",
        subcommands = {CaseCommand.Export.class, CaseCommand.Verify.class, CaseCommand.Import.class})
final class CaseCommand {

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Writes the streams a correlation touched (whole), or the chosen streams, as a case; "
                    + "prints {\"file\",\"events\"}.")
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOption store;

        @ArgGroup(multiplicity = "1")
        Scope scope;

        static final class Scope {
            @Option(names = "--correlation-id", paramLabel = "C", description = "What this correlation touched.")
            String correlationId;

            @Option(names = "--stream", paramLabel = "ID", arity = "1..*", description = "These streams.")
            List<String> streams;
        }

        @Option(names = "--out", required = true, paramLabel = "FILE.escase", description = "The case file to write.")
        Path out;

        @Override
        public Integer call() {
            long events;
            try (Engine engine = ShopEngine.open(store.spec)) {
                CaseExporter exporter = new CaseExporter(engine.openStore().store(), engine.journal(),
                        ShopUpcasters.chain(), Clock.systemUTC());
                events = scope.correlationId != null ? exporter.exportCorrelation(scope.correlationId, out)
                        : exporter.exportStreams(Set.copyOf(scope.streams), out);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            spec.commandLine().getOut().println(Json.write(Json.object().put("file", out.toString())
                    .put("events", events)));
            return Cli.OK;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Checks a case file: the zip, every part's sha256 and the counts against the manifest, "
                    + "every line. Prints the manifest.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:the case is sound", "1:the case is damaged or tampered with (what is wrong on stderr)"})
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE.escase")
        Path file;

        @Override
        public Integer call() {
            VerifiedCase verified;
            try {
                verified = CaseVerifier.verify(file);
            } catch (DamagedCaseException e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
                return Cli.FINDING;
            }
            spec.commandLine().getOut().println(Json.write(verified.manifest()));
            return Cli.OK;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Verifies a case, then merges it into the store with the import's usual checks: all of it "
                    + "or nothing. Prints {\"file\",\"events\",\"commands\",\"commandsAlreadyThere\"}.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:imported", "1:the case is damaged or does not fit the store; nothing was written"})
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE.escase")
        Path file;

        @Mixin
        StoreOption store;

        @Override
        public Integer call() {
            CaseImportReport report;
            try (Engine engine = ShopEngine.open(store.spec)) {
                report = new CaseImporter(engine.openStore().store(), engine.journal()).importCase(file,
                        ProgressMonitor.NONE);
            } catch (DamagedCaseException e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
                return Cli.FINDING;
            }
            ObjectNode printed = Json.object().put("file", report.file()).put("events", report.events())
                    .put("commands", report.commands()).put("commandsAlreadyThere", report.commandsAlreadyThere());
            spec.commandLine().getOut().println(Json.write(printed));
            return Cli.OK;
        }
    }
}
