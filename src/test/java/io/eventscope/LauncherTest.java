package io.eventscope;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LauncherTest {
    @Test
    void noArgumentsOrOnlyAStoreOpenTheWindow() {
        assertThat(Launcher.opensWindow()).isTrue();
        assertThat(Launcher.opensWindow("--store", "/data/shop")).isTrue();
        assertThat(Launcher.opensWindow("--store=/data/shop")).isTrue();
    }

    @Test
    void anythingElseIsTheCommandLine() {
        assertThat(Launcher.opensWindow("stats")).isFalse();
        assertThat(Launcher.opensWindow("stats", "--store", "/data/shop")).isFalse();
        assertThat(Launcher.opensWindow("--store", "/data/shop", "stats")).isFalse();
        assertThat(Launcher.opensWindow("--store")).isFalse();
        assertThat(Launcher.opensWindow("--store=")).isFalse();
        assertThat(Launcher.opensWindow("--help")).isFalse();
    }
}
