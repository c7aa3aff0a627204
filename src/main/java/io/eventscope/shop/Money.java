package io.eventscope.shop;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** The shop's money: euros as BigDecimal, totals to the cent with banker's rounding. */
public final class Money {
    public static final String CURRENCY = "EUR";
    public static final int SCALE = 2;

    private Money() {
    }

    /** Sum of quantity x unit price over the items, exact, then rounded once to the cent. */
    public static BigDecimal total(List<Item> items) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Item item : items) {
            sum = sum.add(item.lineTotal());
        }
        return cents(sum);
    }

    public static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(SCALE, RoundingMode.HALF_EVEN);
    }

    /** For messages: 25 -> "25.00 EUR". */
    public static String format(BigDecimal amount) {
        return (amount.scale() < SCALE ? amount.setScale(SCALE) : amount).toPlainString() + " " + CURRENCY;
    }
}
