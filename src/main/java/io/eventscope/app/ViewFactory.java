package io.eventscope.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.util.Callback;

/**
 * Loads FXML views and makes their controllers: each controller class is registered with a
 * supplier that hands it its view model through the constructor, and FXMLLoader asks here.
 */
public final class ViewFactory {
    private final Map<Class<?>, Supplier<?>> controllers = new HashMap<>();

    public <C> ViewFactory register(Class<C> type, Supplier<? extends C> make) {
        controllers.put(type, make);
        return this;
    }

    /** The controller factory FXMLLoader calls. */
    public Object controller(Class<?> type) {
        Supplier<?> make = controllers.get(type);
        if (make == null) {
            throw new IllegalStateException("No controller registered for " + type.getName());
        }
        return make.get();
    }

    /** Loads {@code /fxml/<Controller>.fxml}, creating its controller here. */
    public Parent load(Class<?> controller) {
        return load(controller, this::controller);
    }

    /**
     * Loads {@code /fxml/<Controller>.fxml} with {@code controller} as its controller, for the
     * small views made once per item (a card, a list row).
     */
    public static Parent loadFor(Object controller) {
        return load(controller.getClass(), type -> controller);
    }

    private static Parent load(Class<?> controller, Callback<Class<?>, Object> controllers) {
        String name = "/fxml/" + controller.getSimpleName() + ".fxml";
        URL location = controller.getResource(name);
        if (location == null) {
            throw new IllegalStateException("Missing view " + name);
        }
        FXMLLoader loader = new FXMLLoader(location);
        loader.setControllerFactory(controllers);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not load " + name + ": " + e.getMessage(), e);
        }
    }
}
