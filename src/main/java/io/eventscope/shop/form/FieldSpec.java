package io.eventscope.shop.form;

import java.util.List;

/**
 * One field of a command form, named as in the command's JSON. {@code whenAbsent} says what an
 * optional field left empty means; {@code fields} are the parts of one item or of the address.
 */
public record FieldSpec(String name, FieldType type, boolean required, String whenAbsent, List<FieldSpec> fields) {
    public FieldSpec {
        fields = List.copyOf(fields);
    }
}
