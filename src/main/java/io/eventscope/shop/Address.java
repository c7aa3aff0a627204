package io.eventscope.shop;

/** A postal address to ship to. */
public record Address(String street, String city, String postalCode, String country) {

    /** Checks that every part is given, naming the missing one as a part of {@code field}. */
    public void checkComplete(String field) {
        Check.text(street, field + ".street");
        Check.text(city, field + ".city");
        Check.text(postalCode, field + ".postalCode");
        Check.text(country, field + ".country");
    }
}
