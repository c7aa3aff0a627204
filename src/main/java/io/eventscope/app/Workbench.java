package io.eventscope.app;

import io.eventscope.app.cases.CaseDialogs;
import io.eventscope.app.cases.CaseExportView;
import io.eventscope.app.cases.CaseExportViewModel;
import io.eventscope.app.cases.CasesViewModel;
import io.eventscope.app.bridges.BridgesView;
import io.eventscope.app.bridges.BridgesViewModel;
import io.eventscope.app.commands.CommandsView;
import io.eventscope.app.commands.CommandsViewModel;
import io.eventscope.app.connect.ConnectionView;
import io.eventscope.app.connect.ConnectionViewModel;
import io.eventscope.app.events.EventsView;
import io.eventscope.app.events.EventsViewModel;
import io.eventscope.app.events.EventRow;
import io.eventscope.app.importexport.ImportExportView;
import io.eventscope.app.importexport.ImportExportViewModel;
import io.eventscope.app.main.MainWindowView;
import io.eventscope.app.main.MainWindowViewModel;
import io.eventscope.app.readmodels.ReadModelsView;
import io.eventscope.app.readmodels.ReadModelsViewModel;
import io.eventscope.app.sagas.SagasView;
import io.eventscope.app.sagas.SagasViewModel;
import io.eventscope.app.timeline.TimelineView;
import io.eventscope.app.timeline.TimelineViewModel;
import io.eventscope.app.timeline.TimelineViews;
import io.eventscope.app.versions.VersionsView;
import io.eventscope.app.versions.VersionsViewModel;
import io.eventscope.app.whatif.WhatIfView;
import io.eventscope.app.whatif.WhatIfViewModel;
import io.eventscope.app.whatif.WhatIfWindow;
import io.eventscope.engine.domain.Engine;
import io.eventscope.engine.upcast.UpcasterChain;
import io.eventscope.shop.Shop;
import io.eventscope.shop.readmodel.ShopReadModels;
import io.eventscope.shop.upcast.ShopUpcasters;
import java.util.List;
import java.util.function.BiConsumer;
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
    private final CommandsViewModel commands;
    private final VersionsViewModel versions;
    private final SagasViewModel sagas;
    private final BridgesViewModel bridges;
    private final ImportExportViewModel importExport;
    private final ImportExportView importExportView;
    private final MainWindowViewModel main;
    private final TimelineViewModel timeline;
    private final ConnectionViewModel connection;
    private final ReadModelsViewModel readModels;
    private final ViewFactory views = new ViewFactory();
    private final WhatIfViewModel whatIf;
    private final CasesViewModel cases;
    private final CaseExportViewModel caseExport;
    private final CaseDialogs caseDialogs;
    private final WhatIfWindow whatIfWindow;

    public Workbench(Settings settings, StoreOpener opener, StoreSeeder seeder) {
        UpcasterChain upcasters = ShopUpcasters.chain();
        workspace = new Workspace(tasks, opener, opened -> Engine.open(opened,
                Shop.aggregateTypes(), upcasters, ShopReadModels.projections()), seeder, settings);
        Navigation navigation = new Navigation(List.of(
                new ViewEntry("commands", "Commands", "mdi2c-console-line", CommandsView.class),
                new ViewEntry("events", "Events", "mdi2f-format-list-bulleted", EventsView.class),
                new ViewEntry("timeline", "Timeline", "mdi2t-timeline-clock-outline", TimelineView.class),
                new ViewEntry("versions", "Versions", "mdi2h-history", VersionsView.class),
                new ViewEntry("sagas", "Sagas", "mdi2s-sitemap", SagasView.class),
                new ViewEntry("read-models", "Read models", "mdi2t-table-eye", ReadModelsView.class),
                new ViewEntry("bridges", "Bridges", "mdi2s-swap-horizontal", BridgesView.class)));
        events = new EventsViewModel(workspace, tasks);
        commands = new CommandsViewModel(workspace, tasks, Shop.commands(), navigation, events);
        timeline = new TimelineViewModel(workspace, tasks);
        events.setTimelineOpener(position -> {
            timeline.openEvent(position);
            navigation.show("timeline");
        });
        whatIf = new WhatIfViewModel(workspace, tasks, Shop.aggregateTypes(), Shop.sagaReactions());
        whatIfWindow = new WhatIfWindow(views, Workbench.class.getResource("/fxml/eventscope.css").toExternalForm());
        BiConsumer<String, Long> forkAt = (stream, version) -> {
            whatIf.forkAt(stream, version);
            whatIfWindow.show();
        };
        timeline.setWhatIfOpener(forkAt);
        timeline.correlation().setWhatIfOpener(forkAt);
        bridges = new BridgesViewModel(workspace, tasks, upcasters, position -> {
            events.reveal(position);
            navigation.show("events");
        });
        BridgeOutbox bridgeOutbox = new BridgeOutbox();
        bridgeOutbox.serve(positions -> {
            bridges.publishPicked(positions);
            navigation.show("bridges");
        }, positions -> {
            bridges.previewPicked(positions);
            navigation.show("bridges");
        });
        events.setBridgeOutbox(bridgeOutbox);
        versions = new VersionsViewModel(workspace, tasks, upcasters, notices);
        readModels = new ReadModelsViewModel(workspace, tasks);
        sagas = new SagasViewModel(workspace, tasks, navigation, events, timeline);
        importExport = new ImportExportViewModel(workspace, tasks, notices, () -> {
            EventRow row = events.selected().get();
            return row == null ? null : row.summary().get();
        });
        importExportView = new ImportExportView(importExport);
        cases = new CasesViewModel(workspace, tasks, notices, Shop.aggregateTypes(), upcasters,
                settings.home().resolve("cases"));
        caseExport = new CaseExportViewModel(workspace, tasks, notices, upcasters, () -> {
            EventRow row = events.selected().get();
            return row == null ? null : row.summary().get();
        });
        caseDialogs = new CaseDialogs(cases, caseExport, views);
        main = new MainWindowViewModel(workspace, tasks, settings, navigation, notices);
        connection = new ConnectionViewModel(main::openShared);
        views.register(MainWindowView.class, () -> new MainWindowView(main, views, importExportView, caseDialogs,
                        connection))
                .register(ConnectionView.class, () -> new ConnectionView(connection))
                .register(CaseExportView.class, () -> new CaseExportView(caseExport))
                .register(EventsView.class, () -> new EventsView(events, caseDialogs))
                .register(CommandsView.class, () -> new CommandsView(commands, caseDialogs))
                .register(VersionsView.class, () -> new VersionsView(versions))
                .register(WhatIfView.class, () -> new WhatIfView(whatIf))
                .register(SagasView.class, () -> new SagasView(sagas))
                .register(ReadModelsView.class, () -> new ReadModelsView(readModels))
                .register(BridgesView.class, () -> new BridgesView(bridges));
        TimelineViews.register(views, timeline);
    }

    /** The whole window's scene, with the application's style sheet, sized to fit the screen. */
    public Scene createScene() {
        Parent root = views.load(MainWindowView.class);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1600, screen.getWidth()), Math.min(1000, screen.getHeight()));
        scene.getStylesheets().add(Workbench.class.getResource("/fxml/eventscope.css").toExternalForm());
        importExportView.attach(scene);
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

    public CommandsViewModel commands() {
        return commands;
    }

    public TimelineViewModel timeline() {
        return timeline;
    }

    public VersionsViewModel versions() {
        return versions;
    }

    /** File > Open PostgreSQL store. */
    public ConnectionViewModel connection() {
        return connection;
    }

    public ReadModelsViewModel readModels() {
        return readModels;
    }

    public SagasViewModel sagas() {
        return sagas;
    }

    public BridgesViewModel bridges() {
        return bridges;
    }

    public ImportExportViewModel importExport() {
        return importExport;
    }

    /** File > Import and Export, and files dropped on the window. */
    public ImportExportView importExportView() {
        return importExportView;
    }

    public CasesViewModel cases() {
        return cases;
    }

    /** The case and Export as test dialogs. */
    public CaseDialogs caseDialogs() {
        return caseDialogs;
    }

    /** File > Export case. */
    public CaseExportViewModel caseExport() {
        return caseExport;
    }

    public WhatIfViewModel whatIf() {
        return whatIf;
    }

    /**
     * Quits: stops the views, closes the store off the FX thread (the status bar shows it while
     * it takes), then runs {@code exit} on the FX thread.
     */
    public void quit(Runnable exit) {
        stopViews();
        workspace.close(() -> {
            tasks.close();
            exit.run();
        });
    }

    /** Closes everything on the calling thread, which must not be the FX thread (tests). */
    public void close() {
        stopViews();
        workspace.close();
        tasks.close();
    }

    private void stopViews() {
        bridges.disconnect();
        whatIfWindow.close();
        timeline.close();
        readModels.close();
        events.close();
        main.close();
    }
}
