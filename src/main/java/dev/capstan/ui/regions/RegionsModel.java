package dev.capstan.ui.regions;

import dev.capstan.domain.Environment;
import dev.capstan.ops.publish.RegionData;
import dev.capstan.ops.publish.RegionOverview;
import dev.capstan.ui.common.BackgroundWork;
import dev.capstan.ui.common.InFront;
import dev.capstan.ui.common.LatestRead;
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
    private final ObjectProperty<Environment> environment;
    private final ObservableList<RegionOverview> rows = FXCollections.observableArrayList();
    private final ObjectProperty<RegionOverview> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final ObjectProperty<Instant> readAt = new SimpleObjectProperty<>(this, "readAt");
    private final LatestRead reads;
    private final InFront front;

    public RegionsModel(RegionData regionData, BackgroundWork work, ObjectProperty<Environment> environment) {
        this.regionData = regionData;
        this.environment = environment;
        this.reads = new LatestRead(work, environment);
        this.front = new InFront(environment, this::forget, this::refresh, null);
    }

    private void forget() {
        reads.drop();
        rows.clear();
        selected.set(null);
        readAt.set(null);
        error.set("");
    }

    public void setActive(boolean active) {
        front.setActive(active);
    }

    public void refresh() {
        Environment env = environment.get();
        if (env == null) {
            return;
        }
        if (env.database() == null) {
            reads.drop();
            error.set(env.name() + " names no database, so there is no region_config to show; add a database: section to it in the workspace.");
            rows.clear();
            return;
        }
        String chosen = selected.get() == null ? null : selected.get().row().region();
        reads.refresh("Reading region_config and S3", () -> regionData.overview(env), read -> {
            error.set("");
            rows.setAll(read);
            readAt.set(Instant.now());
            selected.set(read.stream().filter(r -> r.row().region().equals(chosen)).findFirst().orElse(read.isEmpty() ? null : read.get(0)));
        }, failure -> error.set(failure.getMessage()));
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
