package io.eventscope.cli.bench;

/** The start-up baselines' child: a JVM that prints one line and exits. */
public final class PrintAndExit {
    private PrintAndExit() {
    }

    public static void main(String[] args) {
        System.out.println("started");
    }
}
