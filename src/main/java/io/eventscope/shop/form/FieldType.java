package io.eventscope.shop.form;

/** The kinds of input a command form needs. ITEMS and ADDRESS carry their own fields. */
public enum FieldType { STRING, DECIMAL, INTEGER, ITEMS, ADDRESS }
