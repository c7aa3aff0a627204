package io.eventscope.app;

import io.eventscope.app.events.EventsView;
import io.eventscope.app.events.EventsViewModel;
import io.eventscope.app.main.MainWindowView;
import io.eventscope.app.main.MainWindowViewModel;
import io.eventscope.app.timeline.TimelineView;
import io.eventscope.app.timeline.TimelineViewModel;
import io.eventscope.engine.domain.Engine;
import io.eventscope.shop.Shop;
import io.eventscope.shop.upcast.ShopUpcasters;
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;

/**
 * The wiring of the window: services, view models and the controllers that get them. The
 * application and the UI tests build the same one; views are registered here, one entry each.
 */
public final class Workbench {
    private final Notices notices = new Notices();
    private final TaskExecutor tasks = new TaskExecutor(notices);
    private final Workspace workspace;
    private final EventsViewModel events;
    private final MainWindowViewModel main;
    private final TimelineViewModel timeline;
    private final ViewFactory views = new ViewFactory();

    public Workbench(Settings settings, StoreOpener opener, StoreSeeder seeder) {
        workspace = new Workspace(tasks, opener, opened -> Engine.create(opened.store(), opened.database(),
                Shop.aggregateTypes(), ShopUpcasters.chain()::upcast), seeder, settings);
        Navigation navigation = new Navigation(List.of(
                new ViewEntry("events", "Events", "mdi2f-format-list-bulleted", EventsView.class),
                new ViewEntry("timeline", "Timeline", "mdi2t-timeline-clock-outline", TimelineView.class)));
        events = new EventsViewModel(workspace, tasks);
        timeline = new TimelineViewModel(workspace, tasks);
        events.setTimelineOpener((stream, version) -> {
            timeline.openStream(stream, version);
            navigation.show("timeline");
        });
        main = new MainWindowViewModel(workspace, tasks, settings, navigation, notices);
        views.register(MainWindowView.class, () -> new MainWindowView(main, views))
                .register(EventsView.class, () -> new EventsView(events))
                .register(TimelineView.class, () -> new TimelineView(timeline));
    }

    /** The whole window's scene, with the application's style sheet, sized to fit the screen. */
    public Scene createScene() {
        Parent root = views.load(MainWindowView.class);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1400, screen.getWidth()), Math.min(880, screen.getHeight()));
        scene.getStylesheets().add(Workbench.class.getResource("/fxml/eventscope.css").toExternalForm());
        return scene;
    }

    public Workspace workspace() {
        return workspace;
    }

    public Notices notices() {
        return notices;
    }

    public MainWindowViewModel mainWindow() {
        return main;
    }

    public EventsViewModel events() {
        return events;
    }

    public TimelineViewModel timeline() {
        return timeline;
    }

    public void close() {
        timeline.close();
        events.close();
        main.close();
        workspace.close();
        tasks.close();
    }
}
