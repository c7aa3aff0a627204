package io.eventscope.app;

/**
 * One view of the workbench as the navigation shows it. Its FXML is
 * {@code /fxml/<controller's simple name>.fxml}.
 *
 * @param icon an Ikonli Material Design 2 icon literal, e.g. {@code mdi2f-format-list-bulleted}
 */
public record ViewEntry(String id, String title, String icon, Class<?> controller) {
}
