package io.eventscope.app.readmodels;

import io.eventscope.engine.projection.ProjectionStatus;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** One projection in the table; its status is replaced in place on each refresh so the selection stays. */
public final class ProjectionRow {
    private final String name;
    private final ReadOnlyObjectWrapper<ProjectionStatus> status = new ReadOnlyObjectWrapper<>();

    ProjectionRow(ProjectionStatus status) {
        this.name = status.name();
        this.status.set(status);
    }

    public String name() {
        return name;
    }

    public ReadOnlyObjectProperty<ProjectionStatus> status() {
        return status.getReadOnlyProperty();
    }

    void update(ProjectionStatus next) {
        status.set(next);
    }
}
