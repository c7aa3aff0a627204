package io.eventscope.engine.timeline;

import io.eventscope.engine.store.StreamInfo;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Completion for the stream box: ids containing the typed text, those starting with it first. */
public final class StreamSearch {
    private StreamSearch() {
    }

    public static List<StreamInfo> suggest(List<StreamInfo> streams, String typed, int limit) {
        String needle = typed == null ? "" : typed.trim().toLowerCase(Locale.ROOT);
        return streams.stream()
                .filter(s -> s.streamId().toLowerCase(Locale.ROOT).contains(needle))
                .sorted(Comparator.comparing((StreamInfo s) -> !s.streamId().toLowerCase(Locale.ROOT).startsWith(needle))
                        .thenComparing(StreamInfo::streamId))
                .limit(limit)
                .toList();
    }
}
