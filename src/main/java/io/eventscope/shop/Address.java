package io.eventscope.shop;

/** A postal address to ship to. */
public record Address(String street, String city, String postalCode, String country) {

    /** Checks that every part is given, naming the field under {@code prefix} when one is missing. */
    public static Address requireComplete(Address address, String prefix) {
        Check.text(address.street(), prefix + ".street");
        Check.text(address.city(), prefix + ".city");
        Check.text(address.postalCode(), prefix + ".postalCode");
        Check.text(address.country(), prefix + ".country");
        return address;
    }
}
