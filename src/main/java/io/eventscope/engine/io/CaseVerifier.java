package io.eventscope.engine.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.engine.domain.JournalEntry;
import io.eventscope.engine.event.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Checks a case file before anything trusts it: a readable zip holding exactly the known
 * parts, once each, none larger than the limit; a manifest of the known format whose sha256
 * and size match every part; every event line a valid envelope and every journal line a valid
 * entry, as many as the manifest counts. The first problem found is reported, naming the part
 * (and line) and what is wrong.
 */
public final class CaseVerifier {
    /** No part may unpack to more than this: a zip bomb is refused, not unpacked. */
    public static final long MAX_PART_BYTES = 256L << 20;
    private static final Set<String> KNOWN = new TreeSet<>(List.of(CaseParts.MANIFEST, CaseParts.EVENTS,
            CaseParts.JOURNAL, CaseParts.UPCASTERS, CaseParts.README));

    private CaseVerifier() {
    }

    public static VerifiedCase verify(Path file) {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new DamagedCaseException(file + " is not a file");
        }
        Map<String, byte[]> parts = unzip(file, name);
        for (String part : KNOWN) {
            if (!parts.containsKey(part)) {
                throw new DamagedCaseException(name + ": the part " + part + " is missing");
            }
        }
        JsonNode manifest = manifest(name, parts.get(CaseParts.MANIFEST));
        for (String part : CaseParts.HASHED) {
            JsonNode listed = manifest.path("parts").path(part);
            String expected = listed.path("sha256").asText("");
            String actual = CaseExporter.sha256(parts.get(part));
            if (!actual.equals(expected)) {
                throw new DamagedCaseException(name + ": the part " + part + " does not match its sha256 in the "
                        + "manifest (expected " + (expected.isEmpty() ? "a checksum" : expected) + ", found " + actual
                        + "): it was changed after the case was written");
            }
        }
        long events = checkEvents(name, parts.get(CaseParts.EVENTS));
        List<JournalEntry> journal = journal(name, parts.get(CaseParts.JOURNAL));
        checkCount(name, manifest, "events", events);
        checkCount(name, manifest, "commands", journal.size());
        if (!parse(name, CaseParts.UPCASTERS, parts.get(CaseParts.UPCASTERS)).isObject()) {
            throw new DamagedCaseException(name + ": " + CaseParts.UPCASTERS + " must be a JSON object");
        }
        return new VerifiedCase(file.toString(), manifest, parts.get(CaseParts.EVENTS), events, journal);
    }

    private static Map<String, byte[]> unzip(Path file, String name) {
        Map<String, byte[]> parts = new HashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (!KNOWN.contains(entry.getName())) {
                    throw new DamagedCaseException(name + ": unexpected part '" + entry.getName() + "' (a case holds "
                            + String.join(", ", KNOWN) + ")");
                }
                if (parts.containsKey(entry.getName())) {
                    throw new DamagedCaseException(name + ": the part " + entry.getName() + " is there twice");
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_PART_BYTES + 1));
                    if (bytes.length > MAX_PART_BYTES) {
                        throw new DamagedCaseException(name + ": the part " + entry.getName()
                                + " unpacks to more than " + (MAX_PART_BYTES >> 20) + " MiB");
                    }
                    parts.put(entry.getName(), bytes);
                }
            }
        } catch (ZipException e) {
            throw new DamagedCaseException(name + " is not a readable case file (a zip): " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file + ": " + e.getMessage(), e);
        }
        return parts;
    }

    private static JsonNode manifest(String name, byte[] bytes) {
        JsonNode manifest = parse(name, CaseParts.MANIFEST, bytes);
        if (!CaseParts.FORMAT.equals(manifest.path("format").asText())
                || manifest.path("formatVersion").asInt() != CaseParts.FORMAT_VERSION) {
            throw new DamagedCaseException(name + ": the manifest is not of an Eventscope case, format "
                    + CaseParts.FORMAT + " version " + CaseParts.FORMAT_VERSION);
        }
        if (!manifest.path("parts").isObject() || !manifest.path("counts").isObject()) {
            throw new DamagedCaseException(name + ": the manifest lacks its 'parts' or 'counts'");
        }
        return manifest;
    }

    private static JsonNode parse(String name, String part, byte[] bytes) {
        try {
            return new JsonLineParser().parse(java.nio.ByteBuffer.wrap(bytes));
        } catch (InvalidLineException e) {
            throw new DamagedCaseException(name + ": " + part + " is not valid JSON: " + e.getMessage());
        }
    }

    private static long checkEvents(String name, byte[] bytes) {
        return lines(name, CaseParts.EVENTS, bytes, StrictEnvelopeReader::read).size();
    }

    private static List<JournalEntry> journal(String name, byte[] bytes) {
        return lines(name, CaseParts.JOURNAL, bytes, JournalEntryJson::read);
    }

    private static <T> List<T> lines(String name, String part, byte[] bytes, java.util.function.Function<JsonNode, T> read) {
        List<T> out = new ArrayList<>();
        JsonLineParser parser = new JsonLineParser();
        try {
            BoundedLineReader lines = new BoundedLineReader(new ByteArrayInputStream(bytes), ImportOptions.DEFAULT_MAX_LINE_BYTES);
            while (lines.next()) {
                if (lines.lineLength() == 0) {
                    continue;
                }
                try {
                    if (lines.tooLong()) {
                        throw new InvalidLineException("line is longer than " + ImportOptions.DEFAULT_MAX_LINE_BYTES
                                + " bytes");
                    }
                    out.add(read.apply(parser.parse(lines.bytes())));
                } catch (InvalidLineException | IllegalArgumentException e) {
                    throw new DamagedCaseException(name + ": " + part + " line " + lines.lineNumber() + ": "
                            + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static void checkCount(String name, JsonNode manifest, String what, long found) {
        JsonNode counted = manifest.path("counts").path(what);
        if (!counted.canConvertToLong() || counted.asLong() != found) {
            throw new DamagedCaseException(name + ": the manifest counts " + counted + " " + what + ", the case holds "
                    + found);
        }
    }
}
