package io.eventscope.cli;

import io.eventscope.engine.domain.Engine;
import io.eventscope.engine.testing.JUnitTestWriter;
import io.eventscope.shop.Shop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "junit", mixinStandardHelpOptions = true,
        description = "Writes a JUnit 5 given/when/then test for the decider of a journaled command: the events "
                + "before it as given, the command as when, its events or its rejection as then. It uses the "
                + "engine's DeciderScenario and passes as generated.")
final class JUnitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Option(names = "--command-id", required = true, paramLabel = "ID", description = "The journaled command.")
    String commandId;

    @Option(names = "--out", paramLabel = "FILE.java", description = "Where to write it (default: stdout).")
    Path out;

    @Override
    public Integer call() {
        JUnitTestWriter.GeneratedTest test;
        try (Engine engine = ShopEngine.open(store.spec)) {
            test = new JUnitTestWriter(engine.store(), engine.journal(), Shop.aggregateTypes()).write(commandId);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (out == null) {
            spec.commandLine().getOut().print(test.source());
            return Cli.OK;
        }
        try {
            Files.writeString(out, test.source(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + out + ": " + e.getMessage(), e);
        }
        spec.commandLine().getOut().println(out);
        return Cli.OK;
    }
}
