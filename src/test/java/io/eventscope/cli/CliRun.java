package io.eventscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.engine.event.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** One in-process run of the command line with its exit code and captured output. */
record CliRun(int exit, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    List<String> lines() {
        return out.lines().toList();
    }

    /** stdout as JSON lines. */
    List<JsonNode> json() {
        return out.lines().map(Json::parse).toList();
    }
}
