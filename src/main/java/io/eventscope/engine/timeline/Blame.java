package io.eventscope.engine.timeline;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.eventscope.engine.domain.HistoryStep;
import io.eventscope.engine.domain.TimeTravel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which events changed one field of a stream's state (a JSON pointer such as
 * {@code /items/0/quantity}), oldest first, up to a version. A step counts when one of its
 * RFC 6902 operations touches the field, the object holding it or something inside it, and the
 * field's value really differs before and after: removing {@code /items/0} shifts every later
 * item, and so changes {@code /items/1/sku} although no operation names it.
 */
public record Blame(String pointer, long upToVersion, List<FieldChange> changes) {
    private static final int CHUNK = 1000;

    public Blame {
        changes = List.copyOf(changes);
    }

    /** Follows the field through the history of versions 1..upToVersion. */
    public static Blame of(TimeTravel timeTravel, String streamId, String pointer, long upToVersion) {
        return of(timeTravel, streamId, pointer, upToVersion, (done, total) -> true);
    }

    /**
     * Like {@link #of(TimeTravel, String, String, long)}, telling {@code progress} after every
     * thousand versions; when it answers false the walk stops and the changes found so far are returned.
     */
    public static Blame of(TimeTravel timeTravel, String streamId, String pointer, long upToVersion, Progress progress) {
        Tracer tracer = new Tracer(pointer);
        long done = 0;
        while (done < upToVersion && progress.proceed(done, upToVersion)) {
            long to = Math.min(upToVersion, done + CHUNK);
            timeTravel.history(streamId, done + 1, to, tracer::accept);
            done = to;
        }
        return new Blame(pointer, done, tracer.changes);
    }

    /** Told how far a long blame has come; answers whether to go on. */
    @FunctionalInterface
    public interface Progress {
        boolean proceed(long done, long total);
    }

    /** Follows the field through steps already at hand. */
    public static Blame of(String pointer, List<HistoryStep> steps) {
        Tracer tracer = new Tracer(pointer);
        steps.forEach(tracer::accept);
        long last = steps.isEmpty() ? 0 : steps.get(steps.size() - 1).event().version();
        return new Blame(pointer, last, tracer.changes);
    }

    /** The newest change: the event that set the field's current value (or removed it). */
    public Optional<FieldChange> last() {
        return changes.isEmpty() ? Optional.empty() : Optional.of(changes.get(changes.size() - 1));
    }

    private static final class Tracer {
        private final String pointer;
        private final JsonPointer path;
        private final List<FieldChange> changes = new ArrayList<>();

        Tracer(String pointer) {
            this.pointer = pointer;
            this.path = JsonPointer.compile(pointer);
        }

        void accept(HistoryStep step) {
            if (!touches(step.changes())) {
                return;
            }
            JsonNode before = step.before().at(path);
            JsonNode after = step.after().at(path);
            if (!before.equals(after)) {
                changes.add(new FieldChange(step.event(), before, after));
            }
        }

        private boolean touches(JsonNode operations) {
            for (JsonNode op : operations) {
                boolean move = op.path("op").asText().equals("move");
                if (related(op.path("path").asText()) || (move && related(op.path("from").asText()))) {
                    return true;
                }
            }
            return false;
        }

        /** Same field, inside it, holding it, or an array item before it (later items move when one is added or removed). */
        private boolean related(String opPath) {
            if (pointer.isEmpty() || opPath.isEmpty() || opPath.equals(pointer)
                    || opPath.startsWith(pointer + "/") || pointer.startsWith(opPath + "/")) {
                return true;
            }
            int slash = opPath.lastIndexOf('/');
            String last = opPath.substring(slash + 1);
            boolean arrayItem = last.equals("-") || (!last.isEmpty() && last.chars().allMatch(Character::isDigit));
            return arrayItem && pointer.startsWith(opPath.substring(0, slash) + "/");
        }
    }
}
