package io.eventscope.app.versions;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.app.versions.JsonLine.Change;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.upcast.VersionedPayload;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The side-by-side comparison: which lines are marked, and the change in words. */
class PayloadDiffTest {

    @Test
    void aRenamedFieldReadsAsOneMoveMarkedOnBothSides() {
        PayloadDiff diff = PayloadDiff.between(payload("Paid", 1, "{\"id\":\"p1\",\"total\":9.90}"),
                payload("Paid", 2, "{\"id\":\"p1\",\"amount\":9.90,\"currency\":\"EUR\"}"));

        assertThat(diff.changes()).containsExactlyInAnyOrder("moved /total to /amount", "added /currency = \"EUR\"");
        assertThat(diff.before()).containsExactly(
                new JsonLine("{", Change.SAME),
                new JsonLine("  \"id\": \"p1\",", Change.SAME),
                new JsonLine("  \"total\": 9.90", Change.REMOVED),
                new JsonLine("}", Change.SAME));
        assertThat(diff.after()).containsExactly(
                new JsonLine("{", Change.SAME),
                new JsonLine("  \"id\": \"p1\",", Change.SAME),
                new JsonLine("  \"amount\": 9.90,", Change.ADDED),
                new JsonLine("  \"currency\": \"EUR\"", Change.ADDED),
                new JsonLine("}", Change.SAME));
    }

    @Test
    void anAddedObjectMarksEveryLineInsideItAndAChangedValueBothSides() {
        PayloadDiff diff = PayloadDiff.between(payload("Order", 1, "{\"state\":\"new\"}"),
                payload("Order", 2, "{\"state\":\"open\",\"address\":{\"city\":\"Paris\"}}"));

        assertThat(diff.before()).contains(new JsonLine("  \"state\": \"new\"", Change.CHANGED));
        assertThat(diff.after()).containsExactly(
                new JsonLine("{", Change.SAME),
                new JsonLine("  \"state\": \"open\",", Change.CHANGED),
                new JsonLine("  \"address\": {", Change.ADDED),
                new JsonLine("    \"city\": \"Paris\"", Change.ADDED),
                new JsonLine("  }", Change.ADDED),
                new JsonLine("}", Change.SAME));
        assertThat(diff.changes()).containsExactlyInAnyOrder("changed /state to \"open\"",
                "added /address = {\"city\":\"Paris\"}");
    }

    @Test
    void aTypeRenameIsNamedAndKeysNeedingEscapesAreMatched() {
        PayloadDiff diff = PayloadDiff.between(payload("PaymentProcessed", 1, "{\"a/b\":1,\"items\":[1,2]}"),
                payload("PaymentCaptured", 2, "{\"items\":[1,2]}"));

        assertThat(diff.changes()).containsExactly("renamed the type PaymentProcessed to PaymentCaptured", "removed /a~1b");
        assertThat(diff.before()).contains(new JsonLine("  \"a/b\": 1,", Change.REMOVED),
                new JsonLine("  \"items\": [", Change.SAME), new JsonLine("    1,", Change.SAME));
    }

    @Test
    void identicalPayloadsHaveNoChangesAndNoMarks() {
        PayloadDiff diff = PayloadDiff.between(payload("X", 3, "{\"n\":1,\"empty\":{},\"list\":[]}"),
                payload("X", 3, "{\"n\":1,\"empty\":{},\"list\":[]}"));

        assertThat(diff.changes()).isEmpty();
        assertThat(diff.after()).extracting(JsonLine::change).containsOnly(Change.SAME);
        assertThat(diff.after()).extracting(JsonLine::text)
                .isEqualTo(List.of("{", "  \"n\": 1,", "  \"empty\": {},", "  \"list\": []", "}"));
    }

    private static VersionedPayload payload(String type, int version, String json) {
        return new VersionedPayload(type, version, Json.parse(json));
    }
}
