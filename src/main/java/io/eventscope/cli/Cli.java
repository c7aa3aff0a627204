package io.eventscope.cli;

import io.eventscope.engine.projection.ProjectionException;
import io.eventscope.engine.projection.ReadOnlyViolation;
import io.eventscope.bridge.BrokerUnavailableException;
import io.eventscope.engine.store.ConcurrencyConflictException;
import io.eventscope.engine.store.EventStoreException;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The command line: headless commands on the same engine as the window. Results go to
 * stdout, errors to stderr as one clear sentence (never a stack trace for bad usage, bad
 * input or a store that cannot be opened).
 */
@Command(name = "eventscope", mixinStandardHelpOptions = true, version = "Eventscope 0.1",
        description = "A workbench for event-sourced systems.")
public final class Cli {
    /** The commands, in the order help lists them. */
    private static final List<Class<?>> COMMANDS = List.of(
            AppendCommand.class,
            ReadCommand.class,
            StatsCommand.class,
            VerifyCommand.class,
            GenerateCommand.class,
            CommandCommand.class,
            StateCommand.class,
            HistoryCommand.class,
            ImportCommand.class,
            ExportCommand.class,
            CopyCommand.class,
            UpcastCommand.class,
            WhatIfCommand.class,
            CaseCommand.class,
            JUnitCommand.class,
            ProjectionsCommand.class,
            QueryCommand.class,
            SqlCommand.class,
            SimulateCommand.class,
            SagasCommand.class,
            RabbitCommand.class,
            BenchCommand.class);

    /** Exit codes every command keeps to. */
    public static final int OK = 0;
    public static final int FINDING = 1;
    public static final int USAGE = 2;
    public static final int CONFLICT = 3;
    /** A bug, not the user's doing (sysexits' EX_SOFTWARE). */
    public static final int INTERNAL_ERROR = 70;

    /** Runs on the process's stdout and stderr. */
    public static int run(String... args) {
        PrintWriter out = new PrintWriter(new BufferedWriter(
                new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        return run(out, err, args);
    }

    /** Runs with the given output and error writers; flushes both before returning. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine(args)
                .setOut(out)
                .setErr(err)
                .setParameterExceptionHandler(Cli::usageError)
                .setExecutionExceptionHandler(Cli::failure);
        try {
            return cl.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * The command line for {@code args}. Picocli reflects over every command it is given before
     * parsing, which was half of a short command's start-up, so only the command named first is
     * built; help, a misspelt name (answered with suggestions) or none at all get every command.
     */
    static CommandLine commandLine(String... args) {
        CommandLine cl = new CommandLine(new Cli());
        for (Class<?> command : chosen(args)) {
            cl.addSubcommand(command);
        }
        return cl;
    }

    private static List<Class<?>> chosen(String... args) {
        if (args.length > 0) {
            for (Class<?> command : COMMANDS) {
                if (command.getAnnotation(Command.class).name().equals(args[0])) {
                    return List.of(command);
                }
            }
        }
        return COMMANDS;
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("error: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for usage.");
        return USAGE;
    }

    private static int failure(Exception e, CommandLine cl, ParseResult parsed) {
        PrintWriter err = cl.getErr();
        cl.getOut().flush();
        if (e instanceof ConcurrencyConflictException) {
            err.println("conflict: " + e.getMessage());
            return CONFLICT;
        }
        if (e instanceof EventStoreException || e instanceof ProjectionException || e instanceof ReadOnlyViolation
                || e instanceof BrokerUnavailableException) {
            err.println("error: " + e.getMessage());
            return USAGE;
        }
        // Anything else is a bug: keep the trace, but in the log, not in the user's face. The
        // logger is fetched here, not held in a field: starting logging costs a short command
        // a good part of its start-up, and most runs never log.
        LoggerFactory.getLogger(Cli.class).error("{} failed", cl.getCommandName(), e);
        err.println("internal error: " + e);
        return INTERNAL_ERROR;
    }
}
