package io.eventscope.engine.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The fast paths must give exactly what {@link Instant#parse} and {@link Instant#toString} give,
 * values and refusals alike.
 */
class IsoInstantsProperties {
    /** Year 0000 to 9999, the range Instant.toString writes without a sign. */
    private static final long FIRST = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    private static final long LAST = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Long> seconds = Arbitraries.longs().between(FIRST, LAST);
        return Combinators.combine(seconds, nanos()).as(Instant::ofEpochSecond);
    }

    /** Whole seconds, milliseconds, microseconds and nanoseconds: each writes its own number of digits. */
    @Provide
    Arbitrary<Integer> nanos() {
        return Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999).map(n -> n * 1_000_000),
                Arbitraries.integers().between(0, 999_999).map(n -> n * 1_000), Arbitraries.integers().between(0, 999_999_999));
    }

    @Property
    void readsWhatInstantWrites(@ForAll("instants") Instant instant) {
        assertThat(IsoInstants.parse(instant.toString())).isEqualTo(instant);
    }

    @Property
    void writesWhatInstantWrites(@ForAll("instants") Instant instant) {
        assertThat(IsoInstants.format(instant)).isEqualTo(instant.toString());
    }

    @Property
    void writesWhatInstantWritesOutsideThePlainYears(@ForAll long seconds, @ForAll("nanos") int nanos) {
        Instant instant = Instant.ofEpochSecond(Math.max(Instant.MIN.getEpochSecond(), Math.min(Instant.MAX.getEpochSecond(), seconds)), nanos);
        assertThat(IsoInstants.format(instant)).isEqualTo(instant.toString());
    }

    @Provide
    Arbitrary<String> damaged() {
        Arbitrary<String> written = instants().map(Instant::toString);
        Arbitrary<Character> replacement = Arbitraries.of('0', '1', '2', '3', '5', '6', '9', ':', '-', '.', 'T', 'Z', 'z', ' ', '+');
        return Combinators.combine(written, Arbitraries.integers().between(0, 29), replacement, Arbitraries.integers().between(0, 2))
                .as((text, at, c, edit) -> {
                    int i = Math.min(at, text.length() - 1);
                    switch (edit) {
                        case 0:
                            return text.substring(0, i) + c + text.substring(i + 1);
                        case 1:
                            return text.substring(0, i) + text.substring(i + 1);
                        default:
                            return text.substring(0, i) + c + text.substring(i);
                    }
                });
    }

    @Property(tries = 5_000)
    void agreesWithInstantParseOnDamagedText(@ForAll("damaged") String text) {
        Instant expected;
        try {
            expected = Instant.parse(text);
        } catch (DateTimeParseException e) {
            assertThatThrownBy(() -> IsoInstants.parse(text)).isInstanceOf(DateTimeParseException.class)
                    .hasMessage(e.getMessage());
            return;
        }
        assertThat(IsoInstants.parse(text)).isEqualTo(expected);
    }

    @Example
    void leavesTheUnusualToInstantParse() {
        assertThat(IsoInstants.parse("2026-12-31T23:59:60Z")).isEqualTo(Instant.parse("2026-12-31T23:59:60Z"));
        assertThat(IsoInstants.parse("2024-02-29T10:00:00Z")).isEqualTo(Instant.parse("2024-02-29T10:00:00Z"));
        assertThatThrownBy(() -> IsoInstants.parse("2026-02-29T10:00:00Z")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> IsoInstants.parse("2026-04-31T10:00:00Z")).isInstanceOf(DateTimeParseException.class);
        assertThat(IsoInstants.parse("2026-11-20T09:15:02.5Z")).isEqualTo(Instant.parse("2026-11-20T09:15:02.500Z"));
    }

    @Example
    void writesTheFirstAndLastPlainYearsAndTheSignedOnesBeyond() {
        for (long seconds : new long[] {FIRST - 1, FIRST, LAST, LAST + 1}) {
            for (int nanos : new int[] {0, 1, 1_000, 1_000_000, 999_999_999}) {
                Instant instant = Instant.ofEpochSecond(seconds, nanos);
                assertThat(IsoInstants.format(instant)).isEqualTo(instant.toString());
            }
        }
    }
}
