package io.eventscope.cli.bench;

import io.eventscope.Launcher;
import io.eventscope.app.Settings;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.event.Metadata;
import io.eventscope.engine.event.NewEvent;
import io.eventscope.engine.store.ExpectedVersion;
import io.eventscope.engine.store.OpenStore;
import io.eventscope.engine.store.Stores;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * How long a person waits for Eventscope to start, in child JVMs started as this one was
 * (same java, class path and class-data archive; through the launcher script when this run
 * came through it, so with the options it gives a command and the window): a command on a
 * tiny store, and the window until the Events view shows the sample store's first rows. The
 * baseline is a JVM that prints a line and exits, started with the same archive in the same run.
 */
public final class StartupBenchmarks {
    private static final int RUNS = 5;
    /** What the Events view logs when its first page of rows arrives. */
    private static final String FIRST_ROWS = "First rows shown";
    /** Generous: the untimed first start also fills the sample store, slow on a busy machine. */
    private static final long WINDOW_TIMEOUT_SECONDS = 300;
    /** The launcher script names itself in this property of the JVMs it starts. */
    private static final String LAUNCHER_PROPERTY = "eventscope.launcher";

    private StartupBenchmarks() {
    }

    /** Median wall time of {@code read --limit 1} on a one-event store, start to exit. */
    public static List<Figure> cliStart(BenchContext ctx) throws Exception {
        Path tiny = ctx.dir().resolve("tiny");
        try (OpenStore store = Stores.open(tiny.toString())) {
            store.store().append("tiny-1", ExpectedVersion.NO_STREAM, List.of(NewEvent.of("Started",
                    Json.object().put("n", 1), Metadata.EMPTY)));
        }
        List<String> read = launcher("read", "--store", tiny.toString(), "--limit", "1");
        double[] command = new double[RUNS];
        double[] baseline = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            baseline[i] = runToExit(java(PrintAndExit.class.getName()), "started");
            command[i] = runToExit(read, "\"streamId\":\"tiny-1\"");
        }
        return List.of(Figure.against("cli-start", median(command), median(baseline), "ms"));
    }

    /**
     * Median wall time from starting the window on the sample store (the default store of a
     * fresh Eventscope folder, filled from sample-data on its first start, which is not timed)
     * to its first rows in the Events view; skipped without a display.
     */
    public static List<Figure> windowStart(BenchContext ctx) throws Exception {
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank() || Boolean.getBoolean("java.awt.headless")) {
            return List.of(Figure.skipped("window-start", "no display (DISPLAY is not set)"));
        }
        Path home = ctx.dir().resolve("window-home");
        Files.createDirectories(home);
        Settings settings = new Settings(home);
        settings.setLastView("events");
        settings.save();
        ProcessBuilder window = window(home);
        runToLine(window, FIRST_ROWS); // seeds the store; not timed
        if (!Files.exists(new Settings(home).defaultStore())) {
            return List.of(Figure.skipped("window-start", "the window made no sample store in " + home));
        }
        double[] shown = new double[RUNS];
        double[] baseline = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            baseline[i] = runToExit(java(PrintAndExit.class.getName()), "started");
            shown[i] = runToLine(window, FIRST_ROWS);
        }
        return List.of(Figure.against("window-start", median(shown), median(baseline), "ms"));
    }

    /** The window on the Eventscope folder {@code home}. */
    private static ProcessBuilder window(Path home) {
        String homeOption = "-D" + Stores.HOME_PROPERTY + "=" + home;
        String script = System.getProperty(LAUNCHER_PROPERTY);
        if (script != null) {
            ProcessBuilder window = new ProcessBuilder(script);
            window.environment().put("JAVA_OPTS", homeOption);
            return window;
        }
        List<String> command = new ArrayList<>(List.of(javaBin()));
        command.addAll(startOptions());
        command.addAll(List.of(homeOption, "-cp", classPath(), Launcher.class.getName()));
        return new ProcessBuilder(command);
    }

    private static List<String> launcher(String... args) {
        String script = System.getProperty(LAUNCHER_PROPERTY);
        List<String> command = script != null ? new ArrayList<>(List.of(script)) : java(Launcher.class.getName());
        command.addAll(List.of(args));
        return command;
    }

    private static List<String> java(String mainClass) {
        List<String> command = new ArrayList<>(List.of(javaBin()));
        command.addAll(startOptions());
        command.addAll(List.of("-cp", classPath(), mainClass));
        return command;
    }

    private static String javaBin() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static String classPath() {
        return System.getProperty("java.class.path");
    }

    /** This JVM's class-data archive and logging options: what the launcher script gives it. */
    private static List<String> startOptions() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-XX:SharedArchiveFile=") || a.startsWith("-Xlog:"))
                .toList();
    }

    /** Milliseconds until the process exits having printed {@code expected}; fails otherwise. */
    private static double runToExit(List<String> command, String expected) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        double ms = (System.nanoTime() - start) / 1e6;
        if (exit != 0 || !output.contains(expected)) {
            throw new IllegalStateException("start-up bench: " + String.join(" ", command) + " exited with " + exit
                    + " without printing " + expected + ": " + output);
        }
        return ms;
    }

    /** Milliseconds until the process prints a line containing {@code marker}; then it is ended. */
    private static double runToLine(ProcessBuilder command, String marker) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process p = command.redirectErrorStream(true).start();
        // a window that never shows rows is ended, which ends its output and so the wait below
        CompletableFuture.delayedExecutor(WINDOW_TIMEOUT_SECONDS, TimeUnit.SECONDS).execute(p::destroy);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            StringBuilder seen = new StringBuilder();
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.contains(marker)) {
                    return (System.nanoTime() - start) / 1e6;
                }
                seen.append(line).append('\n');
            }
            throw new IllegalStateException("start-up bench: the window did not log '" + marker + "' within "
                    + WINDOW_TIMEOUT_SECONDS + " s: " + seen);
        } finally {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
