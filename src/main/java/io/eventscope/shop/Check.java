package io.eventscope.shop;

import java.math.BigDecimal;

/**
 * Field checks for command records. Each throws IllegalArgumentException whose message names
 * the field and what is wrong with it, e.g. "items[0].quantity must be greater than 0".
 */
public final class Check {
    private Check() {
    }

    public static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    public static int positive(int value, String field) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be greater than 0, was " + value);
        }
        return value;
    }

    public static BigDecimal notNegative(BigDecimal value, String field) {
        required(value, field);
        if (value.signum() < 0) {
            throw new IllegalArgumentException(field + " must not be negative, was " + value.toPlainString());
        }
        return value;
    }

    /** Money a person pays: not negative, whole cents. */
    public static BigDecimal cents(BigDecimal value, String field) {
        notNegative(value, field);
        if (value.stripTrailingZeros().scale() > Money.SCALE) {
            throw new IllegalArgumentException(
                    field + " must be in whole cents (at most 2 decimals), was " + value.toPlainString());
        }
        return value;
    }

    /** Money that moves: more than zero, whole cents. */
    public static BigDecimal amount(BigDecimal value, String field) {
        cents(value, field);
        if (value.signum() == 0) {
            throw new IllegalArgumentException(field + " must be greater than 0");
        }
        return value;
    }

    public static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }
}
