package io.eventscope.engine.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.engine.domain.JournalEntry;
import java.util.List;

/**
 * A case file whose every part was checked: its manifest, the events part as the bytes the
 * manifest's sha256 vouches for (to import as NDJSON), and the journal entries read from it.
 */
public record VerifiedCase(String file, JsonNode manifest, byte[] events, long eventCount,
                           List<JournalEntry> journal) {

    public VerifiedCase {
        journal = List.copyOf(journal);
    }
}
