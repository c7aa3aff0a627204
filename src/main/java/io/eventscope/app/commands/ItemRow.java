package io.eventscope.app.commands;

import java.util.List;

/** One row of an items table: a field per part of an item (sku, quantity, unit price). */
public record ItemRow(List<FormField> parts) {
}
