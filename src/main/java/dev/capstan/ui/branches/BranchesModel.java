package dev.capstan.ui.branches;

import dev.capstan.domain.Environment;
import dev.capstan.ops.branch.BranchEnvironment;
import dev.capstan.ops.branch.BranchEnvironments;
import dev.capstan.ui.common.BackgroundWork;
import dev.capstan.ui.common.InFront;
import dev.capstan.ui.common.LatestRead;
import java.time.Instant;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;

/** The chosen environment's branch environments, read again every few seconds while the view is in front. */
public final class BranchesModel {
    private final BranchEnvironments branches;
    private final ObjectProperty<Environment> environment;
    private final ObservableList<BranchEnvironment> list = FXCollections.observableArrayList();
    private final ObjectProperty<BranchEnvironment> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObjectProperty<Instant> readAt = new SimpleObjectProperty<>(this, "readAt");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final LatestRead reads;
    private final InFront front;

    public BranchesModel(BranchEnvironments branches, BackgroundWork work, ObjectProperty<Environment> environment) {
        this.branches = branches;
        this.environment = environment;
        this.reads = new LatestRead(work, environment);
        this.front = new InFront(environment, this::forget, this::refresh, Duration.seconds(5));
    }

    private void forget() {
        reads.drop();
        list.clear();
        selected.set(null);
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
        reads.refresh("Reading the branch environments of " + env.name(), () -> new Read(branches.list(env), branches.now()), read -> {
            error.set("");
            String chosen = selected.get() == null ? null : selected.get().name();
            readAt.set(read.at());
            list.setAll(read.branches());
            selected.set(read.branches().stream().filter(b -> b.name().equals(chosen)).findFirst().orElse(null));
        }, failure -> error.set(failure.getMessage()));
    }

    private record Read(List<BranchEnvironment> branches, Instant at) {
    }

    public ObservableList<BranchEnvironment> branches() {
        return list;
    }

    public ObjectProperty<BranchEnvironment> selectedProperty() {
        return selected;
    }

    /** When the list was read: what ages and times left are told from. */
    public ObjectProperty<Instant> readAtProperty() {
        return readAt;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public ObjectProperty<Environment> environmentProperty() {
        return environment;
    }

    public BranchEnvironments operations() {
        return branches;
    }
}
