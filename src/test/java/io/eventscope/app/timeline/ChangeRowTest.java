package io.eventscope.app.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.flipkart.zjsonpatch.JsonDiff;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.timeline.Frame;
import org.junit.jupiter.api.Test;

class ChangeRowTest {

    private static Frame frame(String before, String after) {
        JsonNode b = Json.parse(before);
        JsonNode a = Json.parse(after);
        return new Frame(2, null, b, a, JsonDiff.asJson(b, a));
    }

    @Test
    void aNewValueEqualToAnotherFieldIsShownAsAnAddNotACopy() {
        assertThat(ChangeRow.of(frame("{\"a\":3}", "{\"a\":3,\"b\":3}")))
                .containsExactly(new ChangeRow("add", "/b", "—", "3"));
    }

    @Test
    void replacesAndRemovesShowTheValuesBeforeAndAfter() {
        assertThat(ChangeRow.of(frame("{\"s\":\"A\",\"n\":{\"x\":1}}", "{\"s\":\"B\"}")))
                .containsExactlyInAnyOrder(new ChangeRow("replace", "/s", "\"A\"", "\"B\""),
                        new ChangeRow("remove", "/n", "{\"x\":1}", "—"));
    }
}
