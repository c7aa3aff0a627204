package io.eventscope.app.commands;

import io.eventscope.shop.form.CommandSpec;
import io.eventscope.shop.form.FieldSpec;
import io.eventscope.shop.form.FieldType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The form of one command, built from its field metadata: plain typed fields (an address
 * becomes one field per part), and at most one table of items. It turns what was typed into
 * the command's payload as plain values; Jackson makes JSON of it off the FX thread.
 */
public final class CommandForm {
    private final CommandSpec spec;
    private final List<FormField> fields = new ArrayList<>();
    private final Map<String, List<FormField>> groups = new LinkedHashMap<>();
    private FieldSpec itemsSpec;
    private final ObservableList<ItemRow> items = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper itemsError = new ReadOnlyStringWrapper("");

    CommandForm(CommandSpec spec) {
        this.spec = spec;
        for (FieldSpec field : spec.fields()) {
            if (field.type() == FieldType.ITEMS) {
                itemsSpec = field;
                addItem();
            } else if (field.type() == FieldType.ADDRESS) {
                List<FormField> parts = new ArrayList<>();
                for (FieldSpec part : field.fields()) {
                    FormField f = new FormField(part, field.name() + "." + part.name());
                    parts.add(f);
                    fields.add(f);
                }
                groups.put(field.name(), parts);
            } else {
                fields.add(new FormField(field, field.name()));
            }
        }
        items.addListener((javafx.collections.ListChangeListener<ItemRow>) c -> itemsError.set(""));
    }

    public String commandName() {
        return spec.name();
    }

    /** Every typed field in order, address parts included. */
    public List<FormField> fields() {
        return fields;
    }

    /** The group (for example {@code shippingAddress}) a field belongs to, or null. */
    public String groupOf(FormField field) {
        return groups.entrySet().stream().filter(g -> g.getValue().contains(field)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    /** What leaving a group (an optional address) empty means, or null when the group is required. */
    public String groupHint(String group) {
        return spec.fields().stream().filter(f -> f.name().equals(group) && !f.required())
                .map(FieldSpec::whenAbsent).findFirst().orElse(null);
    }

    public boolean hasItems() {
        return itemsSpec != null;
    }

    /** The item parts' names, the table's columns. */
    public List<String> itemColumns() {
        return itemsSpec == null ? List.of() : itemsSpec.fields().stream().map(FieldSpec::name).toList();
    }

    public ObservableList<ItemRow> items() {
        return items;
    }

    public ReadOnlyStringProperty itemsError() {
        return itemsError.getReadOnlyProperty();
    }

    public void addItem() {
        List<FormField> parts = itemsSpec.fields().stream()
                .map(part -> new FormField(part, itemsSpec.name() + "." + part.name())).toList();
        items.add(new ItemRow(parts));
    }

    public void removeItem(ItemRow row) {
        items.remove(row);
    }

    /**
     * The payload as maps, lists and typed values, or null when a field could not be read
     * (its error says why). Blank fields are left out; an item row left wholly blank too.
     */
    Map<String, Object> payload() {
        boolean readable = true;
        Map<String, Object> payload = new LinkedHashMap<>();
        for (FieldSpec field : spec.fields()) {
            if (field.type() == FieldType.ITEMS) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (ItemRow row : items) {
                    Map<String, Object> item = new LinkedHashMap<>();
                    for (FormField part : row.parts()) {
                        Object value = part.value();
                        readable &= value != FormField.INVALID;
                        if (value != null) {
                            item.put(part.name(), value);
                        }
                    }
                    if (!item.isEmpty()) {
                        rows.add(item);
                    }
                }
                payload.put(field.name(), rows);
            } else if (field.type() == FieldType.ADDRESS) {
                Map<String, Object> address = new LinkedHashMap<>();
                for (FormField part : groups.get(field.name())) {
                    Object value = part.value();
                    readable &= value != FormField.INVALID;
                    if (value != null) {
                        address.put(part.name(), value);
                    }
                }
                if (!address.isEmpty()) {
                    payload.put(field.name(), address);
                }
            } else {
                FormField f = fields.stream().filter(x -> x.path().equals(field.name())).findFirst().orElseThrow();
                Object value = f.value();
                readable &= value != FormField.INVALID;
                if (value != null) {
                    payload.put(field.name(), value);
                }
            }
        }
        return readable ? payload : null;
    }

    /**
     * Puts a refusal under the field it names: the domain's reasons start with the field's
     * path ("items: an order needs at least one item", "shippingAddress.city: required").
     */
    void showReason(String reason) {
        if (reason == null) {
            return;
        }
        for (FormField f : fields) {
            if (names(reason, f.path())) {
                f.setError(reason.substring(f.path().length() + 1).trim());
                return;
            }
        }
        for (int i = 0; i < items.size(); i++) {
            for (FormField part : items.get(i).parts()) {
                String path = itemsSpec.name() + "[" + i + "]." + part.name();
                if (names(reason, path)) {
                    part.setError(reason.substring(path.length() + 1).trim());
                    return;
                }
            }
        }
        if (itemsSpec != null && reason.startsWith(itemsSpec.name())) {
            itemsError.set(reason);
        }
    }

    private static boolean names(String reason, String path) {
        return reason.startsWith(path + ":") || reason.startsWith(path + " ");
    }
}
