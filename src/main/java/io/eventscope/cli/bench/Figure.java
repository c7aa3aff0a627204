package io.eventscope.cli.bench;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One measured figure, printed as one JSON line. {@code baseline} is the same work done by
 * plain JDBC in the same run and {@code ratio} = value / baseline; {@code p99} goes with
 * latency figures, whose value is the median. A figure that could not be measured here has
 * no value, only {@code skipped} saying why. Absent parts are left out of the JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Figure(String name, Double value, String unit, Double baseline, Double ratio, Double p99, String skipped) {

    public Figure(String name, double value, String unit, Double baseline, Double ratio, Double p99) {
        this(name, (Double) value, unit, baseline, ratio, p99, null);
    }

    public static Figure skipped(String name, String why) {
        return new Figure(name, null, null, null, null, null, why);
    }

    public static Figure of(String name, double value, String unit) {
        return new Figure(name, round(value), unit, null, null, null);
    }

    public static Figure against(String name, double value, double baseline, String unit) {
        return new Figure(name, round(value), unit, round(baseline), Math.round(value / baseline * 1000) / 1000.0, null);
    }

    public static Figure latency(String name, double medianMs, double p99Ms) {
        return new Figure(name, Math.round(medianMs * 1000) / 1000.0, "ms", null, null, Math.round(p99Ms * 1000) / 1000.0);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
