package io.eventscope.engine.upcast;

import io.eventscope.engine.event.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A stored payload with the steps and the result its chain must produce: the file the
 * Versions view exports and upcaster tests load ({@code src/test/resources/golden/*.json}).
 */
public record GoldenFixture(String description, VersionedPayload stored, List<UpcastStep> steps,
                            VersionedPayload upcasted) {

    public GoldenFixture {
        steps = List.copyOf(steps);
    }

    public static GoldenFixture of(String description, UpcastTrace trace) {
        return new GoldenFixture(description, VersionedPayload.of(trace.stored()), trace.steps(),
                VersionedPayload.of(trace.upcasted()));
    }

    public static GoldenFixture read(Path file) {
        try {
            return Json.MAPPER.readValue(file.toFile(), GoldenFixture.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read golden fixture " + file + ": " + e.getMessage(), e);
        }
    }

    public void write(Path file) {
        try {
            Files.writeString(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(this) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write golden fixture " + file + ": " + e.getMessage(), e);
        }
    }
}
