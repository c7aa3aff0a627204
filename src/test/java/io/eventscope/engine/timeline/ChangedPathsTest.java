package io.eventscope.engine.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventscope.engine.event.Json;
import org.junit.jupiter.api.Test;

class ChangedPathsTest {

    @Test
    void aCopiedValueChangesOnlyItsTargetAndAMoveBothEnds() {
        ChangedPaths copy = ChangedPaths.of(Json.parse("[{\"op\":\"copy\",\"from\":\"/reserved/a\",\"path\":\"/reserved/b\"}]"));
        ChangedPaths move = ChangedPaths.of(Json.parse("[{\"op\":\"move\",\"from\":\"/old\",\"path\":\"/new\"}]"));

        assertThat(copy.changed("/reserved/b")).isTrue();
        assertThat(copy.changed("/reserved/a")).isFalse();
        assertThat(copy.leadsToChange("/reserved")).isTrue();
        assertThat(move.changed("/old")).isTrue();
        assertThat(move.changed("/new/inside")).isTrue();
        assertThat(move.changed("/newer")).isFalse();
    }

    @Test
    void aChangeOfTheWholeStateChangesEveryField() {
        ChangedPaths root = ChangedPaths.of(Json.parse("[{\"op\":\"replace\",\"path\":\"\",\"value\":{}}]"));

        assertThat(root.changed("/anything")).isTrue();
    }
}
