package dev.capstan.ui.regions;

import dev.capstan.domain.Environment;
import dev.capstan.ops.publish.RegionData;
import dev.capstan.ops.publish.RegionOverview;
import dev.capstan.ui.common.BackgroundWork;
import java.time.Instant;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The region_config rows of the current environment, each with what its URI holds on S3 and its
 * backups. Reads the database and S3 only while the view is in front.
 */
public final class RegionsModel {
    private final RegionData regionData;
    private final BackgroundWork work;
    private final ObjectProperty<Environment> environment;
    private final ObservableList<RegionOverview> rows = FXCollections.observableArrayList();
    private final ObjectProperty<RegionOverview> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final ObjectProperty<Instant> readAt = new SimpleObjectProperty<>(this, "readAt");
    private boolean active;
    private boolean reading;

    public RegionsModel(RegionData regionData, BackgroundWork work, ObjectProperty<Environment> environment) {
        this.regionData = regionData;
        this.work = work;
        this.environment = environment;
        environment.addListener((obs, old, env) -> {
            rows.clear();
            selected.set(null);
            if (active) {
                refresh();
            }
        });
    }

    public void setActive(boolean active) {
        this.active = active;
        if (active) {
            refresh();
        }
    }

    public void refresh() {
        Environment env = environment.get();
        if (env == null || reading) {
            return;
        }
        if (env.database() == null) {
            error.set(env.name() + " names no database, so there is no region_config to show; add a database: section to it in the workspace.");
            rows.clear();
            return;
        }
        reading = true;
        String chosen = selected.get() == null ? null : selected.get().row().region();
        work.run("Reading region_config and S3", () -> regionData.overview(env))
                .onSuccess(read -> {
                    reading = false;
                    error.set("");
                    rows.setAll(read);
                    readAt.set(Instant.now());
                    selected.set(read.stream().filter(r -> r.row().region().equals(chosen)).findFirst().orElse(read.isEmpty() ? null : read.get(0)));
                })
                .onFailure(failure -> {
                    reading = false;
                    error.set(failure.getMessage());
                })
                .start();
    }

    public ObservableList<RegionOverview> rows() {
        return rows;
    }

    public ObjectProperty<RegionOverview> selectedProperty() {
        return selected;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public ObjectProperty<Instant> readAtProperty() {
        return readAt;
    }

    public ObjectProperty<Environment> environmentProperty() {
        return environment;
    }

    public RegionData regionData() {
        return regionData;
    }
}
