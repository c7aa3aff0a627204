package io.eventscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short command on a store whose schema is current loads neither logging nor Flyway: each
 * costs a good part of the start-up a person waits for. Checked on the classes a fresh JVM
 * loads, since this JVM has long loaded both.
 */
class ShortCommandStartTest {
    @TempDir
    Path dir;

    @Test
    void readingOneEventStartsNoLoggingAndNoFlyway() throws Exception {
        String store = dir.resolve("tiny").toString();
        assertThat(CliRun.of("append", "--store", store, "--stream", "tiny-1", "--type", "Started",
                "--data", "{\"n\":1}").exit()).isZero();
        Path loaded = dir.resolve("classes.log");

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load:file=" + loaded, "-cp", System.getProperty("java.class.path"),
                "io.eventscope.Launcher", "read", "--store", store, "--limit", "1")
                .redirectErrorStream(true)
                .start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).contains("\"streamId\":\"tiny-1\"");
        List<String> classes = Files.readAllLines(loaded);
        assertThat(classes).anyMatch(line -> line.contains(" io.eventscope.cli.ReadCommand "));
        assertThat(classes).noneMatch(line -> line.contains(" ch.qos.logback."))
                .noneMatch(line -> line.contains(" org.flywaydb.core.Flyway "));
    }
}
