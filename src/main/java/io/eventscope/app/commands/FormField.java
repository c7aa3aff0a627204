package io.eventscope.app.commands;

import io.eventscope.shop.form.FieldSpec;
import io.eventscope.shop.form.FieldType;
import java.math.BigDecimal;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One typed input of a command form: the text a person types, and the message under it when
 * the text is not a value of the field's type (or the command was refused because of it).
 */
public final class FormField {
    private final FieldSpec spec;
    private final String path;
    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    /** @param path the field's place in the command's JSON, e.g. {@code shippingAddress.city} */
    FormField(FieldSpec spec, String path) {
        this.spec = spec;
        this.path = path;
        text.addListener((obs, old, now) -> error.set(""));
    }

    public String name() {
        return spec.name();
    }

    public String path() {
        return path;
    }

    public FieldType type() {
        return spec.type();
    }

    public boolean required() {
        return spec.required();
    }

    /** What leaving the field empty means, for optional fields; null otherwise. */
    public String whenAbsent() {
        return spec.whenAbsent();
    }

    public StringProperty text() {
        return text;
    }

    public ReadOnlyStringProperty error() {
        return error.getReadOnlyProperty();
    }

    void setError(String message) {
        error.set(message);
    }

    boolean isBlank() {
        return text.get() == null || text.get().isBlank();
    }

    /**
     * The typed value, null when blank (the domain decides whether that is allowed); sets the
     * error and returns {@link #INVALID} when the text is not of the field's type.
     */
    Object value() {
        if (isBlank()) {
            return null;
        }
        String t = text.get().trim();
        try {
            if (spec.type() == FieldType.DECIMAL) {
                return new BigDecimal(t);
            }
            if (spec.type() == FieldType.INTEGER) {
                return Long.parseLong(t);
            }
            return t;
        } catch (NumberFormatException e) {
            error.set(spec.type() == FieldType.DECIMAL ? "'" + t + "' is not a number, e.g. 12.50"
                    : "'" + t + "' is not a whole number");
            return INVALID;
        }
    }

    /** Marks a value that could not be read; the form is not sent. */
    static final Object INVALID = new Object();
}
