package io.eventscope.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: headless commands on the same engine as the window. */
@Command(name = "eventscope", mixinStandardHelpOptions = true, version = "Eventscope 0.1",
        description = "A workbench for event-sourced systems.",
        subcommands = {BenchCommand.class})
public final class Cli {
    /** Exit codes every command keeps to. */
    public static final int OK = 0;
    public static final int FINDING = 1;
    public static final int USAGE = 2;
    public static final int CONFLICT = 3;

    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Cli());
        return cl.execute(args);
    }
}
