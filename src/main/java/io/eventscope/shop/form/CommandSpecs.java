package io.eventscope.shop.form;

import io.eventscope.engine.domain.AggregateType;
import io.eventscope.shop.Address;
import io.eventscope.shop.Item;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads form metadata off the command records themselves, so a new field shows up in every
 * form without anyone writing it down twice. Fields are required unless marked
 * {@link OptionalField}.
 */
public final class CommandSpecs {
    private CommandSpecs() {
    }

    public static List<CommandSpec> of(AggregateType<?, ?, ?> aggregate) {
        List<CommandSpec> specs = new ArrayList<>();
        aggregate.commandTypes().forEach((name, type) ->
                specs.add(new CommandSpec(name, aggregate.name(), fieldsOf(type))));
        return specs;
    }

    private static List<FieldSpec> fieldsOf(Class<?> record) {
        List<FieldSpec> fields = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            OptionalField optional = component.getAnnotation(OptionalField.class);
            FieldType type = typeOf(record, component);
            List<FieldSpec> parts = type == FieldType.ITEMS ? fieldsOf(Item.class)
                    : type == FieldType.ADDRESS ? fieldsOf(Address.class) : List.of();
            fields.add(new FieldSpec(component.getName(), type, optional == null,
                    optional == null ? null : optional.value(), parts));
        }
        return fields;
    }

    private static FieldType typeOf(Class<?> record, RecordComponent component) {
        Class<?> type = component.getType();
        if (type == String.class) {
            return FieldType.STRING;
        }
        if (type == BigDecimal.class) {
            return FieldType.DECIMAL;
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return FieldType.INTEGER;
        }
        if (type == Address.class) {
            return FieldType.ADDRESS;
        }
        if (type == List.class && elementType(component.getGenericType()) == Item.class) {
            return FieldType.ITEMS;
        }
        throw new IllegalStateException("no form field type for " + record.getSimpleName() + "."
                + component.getName() + " of type " + component.getGenericType().getTypeName());
    }

    private static Type elementType(Type list) {
        return list instanceof ParameterizedType parameterized ? parameterized.getActualTypeArguments()[0] : null;
    }
}
