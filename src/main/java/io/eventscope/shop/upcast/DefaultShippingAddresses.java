package io.eventscope.shop.upcast;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventscope.engine.event.Json;
import java.util.Map;

/**
 * The shipping address an OrderCreated v1 event is given when upcast to v2: v1 orders had
 * none, and the shop then shipped to the customer's address on file. The table is fixed so
 * the same stored event always upcasts the same way; a customer not on file gets every
 * field set to {@value #UNKNOWN}, which a person reading the event cannot mistake for a
 * real address.
 */
public final class DefaultShippingAddresses {
    public static final String UNKNOWN = "unknown";

    private record Address(String street, String city, String postalCode, String country) {
    }

    private static final Map<String, Address> ON_FILE = Map.of(
            "alice", new Address("12 Rue de Rivoli", "Paris", "75001", "FR"),
            "bob", new Address("Karl-Marx-Allee 90", "Berlin", "10243", "DE"),
            "carol", new Address("Calle de Alcalá 48", "Madrid", "28014", "ES"),
            "dave", new Address("Via del Corso 101", "Roma", "00186", "IT"),
            "erin", new Address("Prinsengracht 263", "Amsterdam", "1016 GV", "NL"),
            "frank", new Address("Rua Augusta 24", "Lisboa", "1100-053", "PT"));

    private DefaultShippingAddresses() {
    }

    /** A new JSON object {street, city, postalCode, country} for the customer. */
    public static ObjectNode forUser(String userId) {
        Address a = userId == null ? null : ON_FILE.get(userId);
        ObjectNode node = Json.object();
        node.put("street", a == null ? UNKNOWN : a.street());
        node.put("city", a == null ? UNKNOWN : a.city());
        node.put("postalCode", a == null ? UNKNOWN : a.postalCode());
        node.put("country", a == null ? UNKNOWN : a.country());
        return node;
    }
}
