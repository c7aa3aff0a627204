package io.eventscope.engine.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaybackScheduleTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private static List<Instant> steady(int count) {
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            times.add(T0.plusSeconds(i));
        }
        return times;
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    @Test
    void atOneTimesItPlaysFourEventsASecond() {
        PlaybackSchedule s = PlaybackSchedule.of(1, false, 0, steady(100));

        assertThat(s.versionAt(ms(0))).isZero();
        assertThat(s.versionAt(ms(249))).isZero();
        assertThat(s.versionAt(ms(250))).isEqualTo(1);
        assertThat(s.versionAt(ms(1000))).isEqualTo(4);
    }

    @Test
    void speedScalesTheRateFromHalfToSixteenTimes() {
        assertThat(PlaybackSchedule.of(0.5, false, 0, steady(100)).versionAt(ms(1000))).isEqualTo(2);
        assertThat(PlaybackSchedule.of(16, false, 0, steady(100)).versionAt(ms(1000))).isEqualTo(64);
        assertThat(PlaybackSchedule.of(4, false, 10, steady(100)).versionAt(ms(500))).isEqualTo(18);
    }

    @Test
    void aSlowFrameJumpsOverVersionsInsteadOfQueueingThem() {
        PlaybackSchedule s = PlaybackSchedule.of(16, false, 0, steady(1000));

        assertThat(s.versionAt(ms(16))).isEqualTo(1);
        assertThat(s.versionAt(ms(500))).isEqualTo(32);
    }

    @Test
    void itStopsAtTheLastVersion() {
        PlaybackSchedule s = PlaybackSchedule.of(16, false, 0, steady(10));

        assertThat(s.versionAt(Duration.ofMinutes(5))).isEqualTo(10);
        assertThat(s.finished()).isTrue();
    }

    @Test
    void realTimeFollowsTheTimestampsDividedByTheSpeed() {
        List<Instant> times = List.of(T0, T0.plusMillis(300), T0.plusMillis(1300), T0.plusMillis(1400));
        PlaybackSchedule s = PlaybackSchedule.of(1, true, 1, times);

        assertThat(s.versionAt(ms(299))).isEqualTo(1);
        assertThat(s.versionAt(ms(300))).isEqualTo(2);
        assertThat(s.versionAt(ms(1299))).isEqualTo(2);
        assertThat(s.versionAt(ms(1300))).isEqualTo(3);
        assertThat(s.versionAt(ms(1400))).isEqualTo(4);

        PlaybackSchedule twice = PlaybackSchedule.of(2, true, 1, times);
        assertThat(twice.versionAt(ms(650))).isEqualTo(3);
    }

    @Test
    void realTimeCapsLongGapsAndReadsClockSkewAsNoWait() {
        List<Instant> times = List.of(T0, T0.plus(Duration.ofHours(12)), T0.plus(Duration.ofHours(12)).minusSeconds(5),
                T0.plus(Duration.ofHours(13)));
        PlaybackSchedule s = PlaybackSchedule.of(1, true, 1, times);

        assertThat(s.versionAt(ms(1999))).isEqualTo(1);
        // After the capped two seconds: version 2, and version 3 at once (its timestamp is earlier).
        assertThat(s.versionAt(ms(2000))).isEqualTo(3);
        assertThat(s.versionAt(ms(3999))).isEqualTo(3);
        assertThat(s.versionAt(ms(4000))).isEqualTo(4);

        PlaybackSchedule fast = PlaybackSchedule.of(16, true, 1, times);
        assertThat(fast.versionAt(ms(125))).isEqualTo(3);
    }

    @Test
    void realTimeFromTheInitialStateTakesOneSteadyStepToTheFirstEvent() {
        PlaybackSchedule s = PlaybackSchedule.of(1, true, 0, List.of(T0, T0.plusSeconds(1)));

        assertThat(s.versionAt(ms(249))).isZero();
        assertThat(s.versionAt(ms(250))).isEqualTo(1);
        assertThat(s.versionAt(ms(1249))).isEqualTo(1);
        assertThat(s.versionAt(ms(1250))).isEqualTo(2);
    }

    @Test
    void refusesSpeedsOutsideTheRangeAndStartsOutsideTheStream() {
        assertThatThrownBy(() -> PlaybackSchedule.of(32, false, 0, steady(3)))
                .hasMessage("playback speed must be between 0.5x and 16.0x, was 32.0x");
        assertThatThrownBy(() -> PlaybackSchedule.of(0.25, false, 0, steady(3))).hasMessageContaining("0.25x");
        assertThatThrownBy(() -> PlaybackSchedule.of(1, false, 4, steady(3)))
                .hasMessage("playback cannot start at version 4 of a stream with versions 0 to 3");
    }
}
