package io.eventscope.shop.form;

import java.util.List;

/** A command a form can be built for: its name, the aggregate it goes to, and its fields in order. */
public record CommandSpec(String name, String aggregate, List<FieldSpec> fields) {
    public CommandSpec {
        fields = List.copyOf(fields);
    }
}
