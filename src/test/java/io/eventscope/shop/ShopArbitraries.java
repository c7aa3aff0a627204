package io.eventscope.shop;

import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Values of the shop's shapes for property tests: texts with characters JSON must escape, decimals of any scale. */
public final class ShopArbitraries {
    private ShopArbitraries() {
    }

    /** Never blank: a blank text is a missing field. */
    public static Arbitrary<String> texts() {
        return Arbitraries.strings().alpha().numeric().withChars(" -_'\"\\/äé€\n").ofMinLength(1).ofMaxLength(12)
                .filter(text -> !text.isBlank());
    }

    /** Decimals from 0 up, with 0 to 4 decimals, trailing zeros included. */
    public static Arbitrary<BigDecimal> decimals() {
        return Arbitraries.integers().between(0, 4).flatMap(scale ->
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100000")).ofScale(scale));
    }

    /** Money a person pays: more than zero, whole cents. */
    public static Arbitrary<BigDecimal> amounts() {
        return Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("100000")).ofScale(2);
    }

    public static Arbitrary<Integer> quantities() {
        return Arbitraries.integers().between(1, 1000);
    }

    public static Arbitrary<Item> items() {
        return Combinators.combine(texts(), quantities(), decimals()).as(Item::new);
    }

    public static Arbitrary<List<Item>> itemLists() {
        return items().list().ofMinSize(1).ofMaxSize(5);
    }

    public static Arbitrary<Address> addresses() {
        return Combinators.combine(texts(), texts(), texts(), texts()).as(Address::new);
    }

    public static Arbitrary<Address> addressesOrNone() {
        return addresses().injectNull(0.3);
    }
}
