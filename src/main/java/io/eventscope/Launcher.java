package io.eventscope;

import io.eventscope.app.App;
import io.eventscope.cli.Cli;

/**
 * Entry point of the jar. Not a JavaFX Application on purpose: on the classpath JavaFX
 * refuses to start a main class that extends Application. No arguments, or only
 * {@code --store S}, opens the workbench; anything else is the command line.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (opensWindow(args)) {
            App.launchWith(args);
        } else {
            System.exit(Cli.run(args));
        }
    }

    static boolean opensWindow(String... args) {
        return args.length == 0
                || (args.length == 1 && args[0].startsWith("--store=") && args[0].length() > "--store=".length())
                || (args.length == 2 && args[0].equals("--store"));
    }
}
